package dev.cobooauth.autoconfigure;

import java.io.IOException;
import java.math.BigDecimal;

import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.webhook.VerifiedCoboDelivery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.ProblemDetail;
import org.springframework.javapoet.ClassName;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image of an application using the starter needs, as Spring AOT registers it: the
 * processing {@code spring-boot:process-aot} runs, here on a servlet application with both keys, every
 * auto-configuration of the starter, and handlers of Cobo's deliveries.
 */
class NativeImageHintsTest {

	private static final String APPLICATION = "com.example.Application";

	private static InMemoryGeneratedFiles generated;

	private static RuntimeHints hints;

	@BeforeAll
	static void processAheadOfTime() {
		generated = new InMemoryGeneratedFiles();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.bestGuess(APPLICATION)), generated);
		new WebApplicationContextRunner().withConfiguration(startersAutoConfigurations())
			.withUserConfiguration(PaymentCallback.class, RefundCallback.class)
			.withPropertyValues("cobo.app.client-id=portal", "cobo.app.private-key=" + TestKeys.APP_SECRET,
					"cobo.api-key.private-key=" + TestKeys.API_SECRET)
			.prepare((context) -> new ApplicationContextAotGenerator()
				.processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext(), generation));
		generation.writeGeneratedContent();
		hints = generation.getRuntimeHints();
	}

	private static AutoConfigurations startersAutoConfigurations() {
		ClassLoader classLoader = NativeImageHintsTest.class.getClassLoader();
		return AutoConfigurations.of(ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.cobooauth."))
			.map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.toArray(Class<?>[]::new));
	}

	@Test
	void bindsTheCoboPropertiesAndTheirGroups() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CoboProperties.class, "setBaseUrl"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CoboProperties.KeyProperties.class,
				"setPrivateKey"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CoboProperties.TokenStore.class, "setType"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CoboWebhookProperties.class, "setTolerance"))
			.accepts(hints);
	}

	@Test
	void readsTheSchemaScriptsOfTheTokenAndDeliveryTables() {
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("org/springframework/security/oauth2/client/oauth2-client-schema.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("org/springframework/security/oauth2/client/oauth2-client-schema-postgres.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/cobooauth/signing/cobo-webhook-delivery-schema.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("dev/cobooauth/signing/cobo-webhook-delivery-schema-postgres.sql")).accepts(hints);
	}

	@Test
	void mapsADeliveryToTheRecordItsHandlerDeclares() {
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(Payment.class.getDeclaredConstructors()[0]))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Payment.class, "amount")).accepts(hints);
	}

	@Test
	void mapsADeliveryWhoseAnnotationIsOnAnInterface() {
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(Refund.class.getDeclaredConstructors()[0]))
			.accepts(hints);
	}

	@Test
	void writesTheProblemDetailsItAnswersFailuresWith() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ProblemDetail.class, "getDetail"))
			.accepts(hints);
	}

	@Test
	void createsTheFailureAnalyzersOfSpringFactories() {
		for (Class<?> analyzer : new Class<?>[] { InvalidCoboKeyFailureAnalyzer.class,
				OrgTokenWarmUpFailureAnalyzer.class }) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(analyzer)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		}
	}

	@Test
	void restoresTheAutoConfigurationsFromCodeInTheirPackage() throws IOException {
		assertThat(source("dev/cobooauth/autoconfigure/CoboSigningAutoConfiguration__BeanDefinitions.java"))
			.contains("CoboSigningAutoConfiguration::new");
		assertThat(source("dev/cobooauth/autoconfigure/CoboWebhookAutoConfiguration__BeanDefinitions.java"))
			.contains("CoboWebhookAutoConfiguration::new");
	}

	@Test
	void checksAtStartupTheCoboPropertiesItsBeansWereChosenBy() throws IOException {
		assertThat(source("com/example/Application__ApplicationContextInitializer.java"))
			.contains("CoboConditions__BuildTime.registerCheck(beanFactory, applicationContext.getEnvironment())");
		assertThat(source("dev/cobooauth/autoconfigure/CoboConditions__BuildTime.java"))
			.contains("CoboConditions.check(environment, Map.of(")
			.contains("\"cobo.app.private-key\", \"set\"")
			.contains("\"cobo.token-store.type\", \"memory\"")
			.doesNotContain(TestKeys.APP_SECRET)
			.doesNotContain(TestKeys.API_SECRET);
	}

	private static String source(String path) throws IOException {
		String source = generated.getGeneratedFileContent(Kind.SOURCE, path);
		assertThat(source).as(path).isNotNull();
		return source;
	}

	record Payment(String orgId, BigDecimal amount) {
	}

	@RestController
	static class PaymentCallback {

		@PostMapping("/cobo/payments")
		void paid(@VerifiedCoboDelivery Payment payment) {
		}

	}

	record Refund(String orgId) {
	}

	interface RefundCallbacks {

		@PostMapping("/cobo/refunds")
		void refunded(@VerifiedCoboDelivery Refund refund);

	}

	@RestController
	static class RefundCallback implements RefundCallbacks {

		@Override
		public void refunded(Refund refund) {
		}

	}

}
