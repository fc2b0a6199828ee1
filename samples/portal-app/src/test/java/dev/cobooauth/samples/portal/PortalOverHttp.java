package dev.cobooauth.samples.portal;

import dev.cobooauth.test.CoboSimulator;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The portal as it runs, over real HTTP, against the simulator it starts itself: each test starts
 * with the simulator's counters, recorded requests and faults cleared.
 */
abstract class PortalOverHttp {

	@LocalServerPort
	protected int port;

	@Autowired
	protected CoboSimulator sim;

	protected RestTestClient portal;

	@BeforeEach
	void connect() {
		this.portal = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		this.sim.resetCounters();
		this.sim.faults().clear();
	}

}
