package dev.cobooauth.webhook;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.cobooauth.signing.CoboDelivery;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;

/**
 * Lets a native image map a delivery's JSON to the type a handler declares with
 * {@link VerifiedCoboDelivery @VerifiedCoboDelivery}: for every bean with such a parameter, the
 * binding hints Spring registers for an {@code @RequestBody} type, which our annotation replaces and
 * Spring therefore does not see. {@link CoboDelivery}, {@code byte[]} and {@code String} are not
 * read with JSON and need none.
 * <p>
 * The parameters are found where Spring MVC and WebFlux find a handler parameter's annotations, on
 * the methods of superclasses and interfaces too, without making any method accessible (the bean
 * may be a JDK type); registered in {@code META-INF/spring/aot.factories}.
 */
class VerifiedCoboDeliveryAotProcessor implements BeanRegistrationAotProcessor {

	private static final Set<Type> READ_WITHOUT_JSON = Set.of(CoboDelivery.class, byte[].class, String.class);

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean bean) {
		Set<Type> types = deliveryTypes(ClassUtils.getUserClass(bean.getBeanClass()));
		if (types.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
			types.forEach((type) -> bindings.registerReflectionHints(generationContext.getRuntimeHints().reflection(),
					type));
		};
	}

	private static Set<Type> deliveryTypes(Class<?> beanClass) {
		Set<Type> types = new LinkedHashSet<>();
		for (Class<?> declaring : hierarchy(beanClass)) {
			for (Method method : declaring.getDeclaredMethods()) {
				for (int index = 0; index < method.getParameterCount(); index++) {
					MethodParameter parameter = MethodParameter.forExecutable(method, index).withContainingClass(beanClass);
					if (parameter.hasParameterAnnotation(VerifiedCoboDelivery.class)) {
						types.add(parameter.getGenericParameterType());
					}
				}
			}
		}
		types.removeAll(READ_WITHOUT_JSON);
		return types;
	}

	// Where Spring MVC and WebFlux look for a handler parameter's annotations: the class, its
	// superclasses and every interface they implement.
	private static Set<Class<?>> hierarchy(Class<?> beanClass) {
		Set<Class<?>> hierarchy = new LinkedHashSet<>();
		for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
			hierarchy.add(type);
		}
		hierarchy.addAll(ClassUtils.getAllInterfacesForClassAsSet(beanClass));
		return hierarchy;
	}

}
