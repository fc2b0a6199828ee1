package dev.cobooauth.autoconfigure;

import java.util.Map;

import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check that an application processed ahead of time starts with the {@code cobo.*} choices its
 * beans were built with.
 */
class CoboConditionsTest {

	private static final Map<String, String> BUILT_WITH_AN_APP_KEY = CoboConditions
		.seenIn(new MockEnvironment().withProperty("cobo.app.private-key", TestKeys.APP_SECRET));

	@Test
	void recordsWhetherAKeyIsSetNeverTheKey() {
		assertThat(BUILT_WITH_AN_APP_KEY).containsEntry("cobo.app.private-key", "set")
			.containsEntry("cobo.api-key.private-key", "not set")
			.doesNotContainValue(TestKeys.APP_SECRET);
	}

	@Test
	void recordsTheDefaultOfAPropertyThatIsNotSet() {
		assertThat(BUILT_WITH_AN_APP_KEY).containsEntry("cobo.token-store.type", "memory")
			.containsEntry("cobo.token.proactive-refresh", "false")
			.containsEntry("cobo.webhook.enabled", "true")
			.containsEntry("cobo.problem-details.enabled", "true");
	}

	@Test
	void acceptsAnotherKeyGivenAnotherWay() {
		MockEnvironment startup = new MockEnvironment().withProperty("cobo.app.private-key-location",
				"file:/run/secrets/cobo-app-key");
		assertThatNoException().isThrownBy(() -> CoboConditions.checkUnchanged(startup, BUILT_WITH_AN_APP_KEY));
	}

	@Test
	void readsValuesIgnoringCaseAsTheConditionsDo() {
		MockEnvironment startup = new MockEnvironment().withProperty("cobo.app.private-key", TestKeys.APP_SECRET)
			.withProperty("cobo.token-store.type", "MEMORY")
			.withProperty("cobo.webhook.enabled", "True");
		assertThatNoException().isThrownBy(() -> CoboConditions.checkUnchanged(startup, BUILT_WITH_AN_APP_KEY));
	}

	@Test
	void refusesATokenStoreTheBuildDidNotChoose() {
		MockEnvironment startup = new MockEnvironment().withProperty("cobo.app.private-key", TestKeys.APP_SECRET)
			.withProperty("cobo.token-store.type", "jdbc");
		assertThatThrownBy(() -> CoboConditions.checkUnchanged(startup, BUILT_WITH_AN_APP_KEY))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("cobo.token-store.type is jdbc here, but memory when the application was "
					+ "processed ahead of time (Spring AOT)");
	}

	@Test
	void stopsTheRefreshOfAContextStartedWithOtherChoices() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.addBeanFactoryPostProcessor(CoboConditions.check(new MockEnvironment(), BUILT_WITH_AN_APP_KEY));
		assertThatThrownBy(context::refresh).isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("cobo.app.private-key is not set here");
		assertThat(context.isActive()).isFalse();
	}

	@Test
	void refusesAMissingKeyTheBuildHad() {
		assertThatThrownBy(() -> CoboConditions.checkUnchanged(new MockEnvironment(), BUILT_WITH_AN_APP_KEY))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("cobo.app.private-key is not set here, but set when");
	}

	@Test
	void namesAKeyByItsPrefixSoThatTheFailureAnalysisNeverLooksItUp() {
		MockEnvironment startup = new MockEnvironment().withProperty("cobo.app.private-key", TestKeys.APP_SECRET);
		assertThatThrownBy(() -> CoboConditions.checkUnchanged(startup, Map.of("cobo.app.private-key", "not set")))
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (failure) -> {
				assertThat(failure.getName()).isEqualTo("cobo.app");
				assertThat(failure.getValue()).isEqualTo("set");
				assertThat(failure.getMessage()).doesNotContain(TestKeys.APP_SECRET);
			});
	}

}
