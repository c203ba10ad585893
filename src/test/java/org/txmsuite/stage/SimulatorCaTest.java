package org.txmsuite.stage;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.txmsuite.core.TxmException;

import com.cosylab.epics.caj.cas.CAJServerContext;

import gov.aps.jca.configuration.DefaultConfiguration;

/** The simulator through a real CA client on loopback: motors, limits, camera; and the loopback guard. */
@Timeout(60)
class SimulatorCaTest {
	InstrumentSimulator sim;
	CaInstrument ca;

	@BeforeEach
	void start() {
		InstrumentSimulator.Config c = new InstrumentSimulator.Config();
		c.width = 64;
		c.height = 48;
		c.speed = 50;
		sim = InstrumentSimulator.start(c);
		ca = new CaInstrument(c.prefix, sim.port(), 5);
	}

	@AfterEach
	void stop() {
		if (ca != null) ca.close();
		if (sim != null) sim.close();
	}

	@Test
	void moveWithCompletionTakesTheSimulatedTimeAndLandsOnTarget() {
		double velo = ca.getDouble("X.VELO"), accl = ca.getDouble("X.ACCL");
		long t0 = System.nanoTime();
		ca.move("x", 250);
		double wall = (System.nanoTime() - t0) * 1e-9;
		double expected = (250 / velo + accl) / sim.config().speed;
		assertTrue(wall >= expected * 0.9 && wall < expected + 1.0, "move took " + wall + " s, expected about " + expected);
		assertEquals(1, ca.getDouble("X.DMOV"));
		assertEquals(0, ca.getDouble("X.MOVN"));
		assertEquals(250, ca.position("x"), 0.01, "readback within settle noise");
		assertEquals("um", ((String[]) ca.get("X.EGU", gov.aps.jca.dbr.DBRType.STRING, 1).getValue())[0]);
	}

	@Test
	void energyMoveTakesTheZonePlateFocusAlong() {
		ca.move("energy", 9000);
		assertEquals(9000, ca.position("energy"), 0.1);
		long end = System.nanoTime() + 2_000_000_000L;
		while (ca.getDouble("ZPZ.DMOV") == 0 && System.nanoTime() < end) Thread.onSpinWait();
		// focal length grows in proportion to E: 2000 um at 8500 eV
		assertEquals(2000 * 9000 / 8500.0, ca.position("zpz"), 0.01);
	}

	@Test
	void moveBeyondLimitIsRefusedAndSetsLvio() {
		double hlm = ca.limits("t")[1];
		TxmException e = assertThrows(TxmException.class, () -> ca.move("t", hlm + 10));
		assertTrue(e.getMessage().contains("soft limits"), e.getMessage());
		assertEquals(0, ca.position("t"), 0.01, "did not move");
	}

	@Test
	void cameraFrameHasSizeCountsAndBinning() {
		ca.setExposure(0.5);
		Instrument.Frame f = ca.acquire();
		assertEquals(64, f.width);
		assertEquals(48, f.height);
		assertEquals(1, f.uniqueId);
		float[] px = f.toFloat();
		double max = 0;
		for (float v : px) max = Math.max(max, v);
		// open beam: 20000 photons/s x 0.5 s x flat (about 0.8..1.2) + 100 dark
		assertTrue(max > 8000 && max < 16000, "max counts " + max);
		// a count-0 request ("current length", what libca clients send) gets the whole array, not ECA_BADCOUNT
		assertEquals(64 * 48, ((short[]) ca.get("image1:ArrayData", gov.aps.jca.dbr.DBRType.SHORT, 0).getValue()).length);
		assertEquals(0.5, ((double[]) ca.get("cam1:AcquireTime", gov.aps.jca.dbr.DBRType.DOUBLE, 0).getValue())[0], 1e-12);
		ca.setBinning(2);
		Instrument.Frame b = ca.acquire();
		assertEquals(32, b.width);
		assertEquals(24, b.height);
		assertEquals(2, b.uniqueId);
	}

	@Test
	void serverAndClientListenOnLoopbackOnly() throws Exception {
		LoopbackServerContext ctx = new LoopbackServerContext(Loopback.freePort());
		try {
			ctx.start(new com.cosylab.epics.caj.cas.util.DefaultServerImpl());
			for (java.net.InetSocketAddress a : ctx.listening()) {
				assertTrue(a.getAddress().isLoopbackAddress(), "server bound to " + a); // not the wildcard 0.0.0.0 / ::
				assertEquals(ctx.getServerPort(), a.getPort());
			}
			com.cosylab.epics.caj.CAJContext client = Loopback.client(ctx.getServerPort());
			try {
				java.net.InetSocketAddress a = ((Loopback.LoopbackClient) client).udpAddress();
				assertTrue(a.getAddress().isLoopbackAddress(), "client search socket bound to " + a);
			}
			finally {
				client.destroy();
			}
		}
		finally {
			ctx.close();
		}
	}

	@Test
	void serverRefusesToStartUnlessLoopbackOnly() {
		DefaultConfiguration auto = LoopbackServerContext.loopbackConfiguration(Loopback.freePort());
		auto.setAttribute("auto_beacon_addr_list", "true");
		LoopbackServerContext a = new LoopbackServerContext(auto);
		TxmException e1 = assertThrows(TxmException.class, () -> a.start(new com.cosylab.epics.caj.cas.util.DefaultServerImpl()));
		assertTrue(e1.getMessage().contains("automatic address list"), e1.getMessage());
		assertFalse(a.isInitialized(), "nothing was started");

		DefaultConfiguration lan = LoopbackServerContext.loopbackConfiguration(Loopback.freePort());
		lan.setAttribute("beacon_addr_list", "127.0.0.1 192.168.1.255");
		LoopbackServerContext b = new LoopbackServerContext(lan);
		TxmException e2 = assertThrows(TxmException.class, () -> b.start(new com.cosylab.epics.caj.cas.util.DefaultServerImpl()));
		assertTrue(e2.getMessage().contains("192.168.1.255"), e2.getMessage());
		assertFalse(b.isInitialized());

		// jca's own defaults (what a subclass configured from system properties silently gets) broadcast: refused
		assertThrows(TxmException.class, () -> LoopbackServerContext.checkLoopback(new CAJServerContext()));
		assertThrows(TxmException.class, () -> Loopback.require("client", "10.0.0.1", false));
		Loopback.require("client", "127.0.0.1 127.0.0.2:5064", false);
	}
}
