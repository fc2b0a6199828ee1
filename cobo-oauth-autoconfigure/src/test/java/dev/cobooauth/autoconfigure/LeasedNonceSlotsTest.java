package dev.cobooauth.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.cobooauth.signing.NonceSlots;
import dev.cobooauth.testsupport.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances sharing one PostgreSQL database lease their nonce slots in {@code cobo_token_lease}:
 * each instance here is a {@link LeasedNonceSlots} with a scheduler of its own, on the machine's
 * PostgreSQL, with a lease of {@value #LEASE_MILLIS} ms.
 */
class LeasedNonceSlotsTest {

	private static final long LEASE_MILLIS = 3000;

	private static final Duration LEASE = Duration.ofMillis(LEASE_MILLIS);

	private static final Duration MARGIN = Duration.ofMillis(1000);

	private PostgresSchema schema;

	private DataSource dataSource;

	private final List<LeasedNonceSlots> instances = new ArrayList<>();

	@BeforeEach
	void createLeaseTable() {
		this.schema = PostgresSchema.create();
		this.dataSource = this.schema.jdbc().getDataSource();
		new ResourceDatabasePopulator(new ClassPathResource("dev/cobooauth/oauth2/cobo-token-lease-schema-postgres.sql"))
			.execute(this.dataSource);
	}

	@AfterEach
	void stopInstances() {
		this.instances.forEach(LeasedNonceSlots::destroy);
		this.schema.close();
	}

	@Test
	void twoInstancesHoldDifferentSlots() {
		LeasedNonceSlots first = start(this.dataSource);
		LeasedNonceSlots second = start(this.dataSource);

		assertThat(first.current()).isBetween(0, NonceSlots.COUNT - 1);
		assertThat(second.current()).isBetween(0, NonceSlots.COUNT - 1).isNotEqualTo(first.current());
	}

	@Test
	void everyInstanceHoldsASlotOfItsOwnAndOneTooManyHoldsNone() {
		Set<Integer> held = new HashSet<>();
		for (int i = 0; i < NonceSlots.COUNT; i++) {
			held.add(start(this.dataSource).current());
		}

		assertThat(held).hasSize(NonceSlots.COUNT).allMatch((slot) -> slot >= 0);
		assertThat(start(this.dataSource).current()).isEqualTo(NonceSlots.NONE);
	}

	@Test
	void anInstanceTakesTheSlotOfOneThatDiedOnceItsLeaseExpired() throws InterruptedException {
		List<ThreadPoolTaskScheduler> schedulers = new ArrayList<>();
		for (int i = 0; i < NonceSlots.COUNT; i++) {
			ThreadPoolTaskScheduler scheduler = scheduler();
			schedulers.add(scheduler);
			start(this.dataSource, scheduler);
		}
		LeasedNonceSlots dead = this.instances.get(3);
		int deadSlot = dead.current();
		schedulers.get(3).shutdown(); // dies: renews no more, releases nothing

		LeasedNonceSlots late = start(this.dataSource);
		assertThat(late.current()).isEqualTo(NonceSlots.NONE);

		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (late.current() == NonceSlots.NONE && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(late.current()).isEqualTo(deadSlot);
		assertThat(dead.current()).isEqualTo(NonceSlots.NONE);
		List<Integer> held = new ArrayList<>();
		for (LeasedNonceSlots instance : this.instances) {
			if (instance.current() != NonceSlots.NONE) {
				held.add(instance.current());
			}
		}
		assertThat(held).doesNotHaveDuplicates();
	}

	@Test
	void anInstanceWhoseRenewalFailsStopsUsingItsSlotBeforeTheLeaseExpires() throws InterruptedException {
		FailingDataSource failing = new FailingDataSource(this.dataSource);
		LeasedNonceSlots instance = start(failing);
		int slot = instance.current();
		assertThat(slot).isNotEqualTo(NonceSlots.NONE);

		failing.down = true;
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (instance.current() != NonceSlots.NONE && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}

		assertThat(instance.current()).isEqualTo(NonceSlots.NONE);
		Boolean stillLeased = this.schema.jdbc()
			.queryForObject("SELECT expires_at > clock_timestamp() FROM cobo_token_lease "
					+ "WHERE registration_id = 'cobo-nonce-slot' AND principal_name = ?", Boolean.class,
					Integer.toString(slot));
		assertThat(stillLeased).as("the lease has not expired yet").isTrue();
	}

	@Test
	void anInstanceWhoseSlotWasTakenLeasesAnother() {
		LeasedNonceSlots instance = start(this.dataSource);
		int slot = instance.current();
		this.schema.jdbc()
			.update("UPDATE cobo_token_lease SET holder = 'another', expires_at = clock_timestamp() + interval '1 hour' "
					+ "WHERE principal_name = ?", Integer.toString(slot));

		instance.renew();

		assertThat(instance.current()).isNotEqualTo(slot).isNotEqualTo(NonceSlots.NONE);
	}

	@Test
	void anInstanceThatStopsReleasesItsSlot() {
		LeasedNonceSlots first = start(this.dataSource);
		int slot = first.current();

		first.stop();

		assertThat(first.current()).isEqualTo(NonceSlots.NONE);
		assertThat(this.schema.jdbc()
			.queryForObject("SELECT COUNT(*) FROM cobo_token_lease WHERE principal_name = ?", Integer.class,
					Integer.toString(slot)))
			.isZero();
	}

	@Test
	void withoutTheDatabaseAnInstanceStartsWithoutASlot() {
		FailingDataSource failing = new FailingDataSource(this.dataSource);
		failing.down = true;

		assertThat(start(failing).current()).isEqualTo(NonceSlots.NONE);
	}

	private LeasedNonceSlots start(DataSource dataSource) {
		return start(dataSource, scheduler());
	}

	private LeasedNonceSlots start(DataSource dataSource, ThreadPoolTaskScheduler scheduler) {
		LeasedNonceSlots instance = new LeasedNonceSlots(dataSource, scheduler, LEASE, MARGIN, scheduler::shutdown);
		this.instances.add(instance);
		instance.start();
		return instance;
	}

	private static ThreadPoolTaskScheduler scheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		return scheduler;
	}

	/** The database, until it goes down. */
	static final class FailingDataSource extends DelegatingDataSource {

		volatile boolean down;

		FailingDataSource(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.down) {
				throw new SQLException("Connection refused (test)");
			}
			return super.getConnection();
		}

	}

}
