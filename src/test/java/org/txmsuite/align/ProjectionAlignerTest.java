package org.txmsuite.align;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;
import org.txmsuite.sim.ScanSimulator;

/** Consistency and cross-correlation alignment against the simulator's exact jitter (small sizes; big ones in bench). */
class ProjectionAlignerTest {
	@Test
	void consistencyRecoversJitterWithTheSimulatorsSignConvention() {
		double[] ang = ScanSimulator.angles(0, 177, 60);
		ScanSimulator sim = AlignPhantoms.scan(64, 32).jitter(3, 11);
		FrameStack p = sim.projections(ang, 0.01);
		double[][] t = sim.shifts(ang.length);
		AlignResult r = ProjectionAligner.align(p, ang, new AlignOptions().maxLoops(25), null);
		double[] tx = AlignPhantoms.column(t, 0), ty = AlignPhantoms.column(t, 1);
		// +-3 px jitter (RMS 1.7 px) comes down to a few tenths of a pixel at this small size (32 rows, 60 views):
		// the found shifts equal the true ones, same sign, up to the object translation no method can see.
		assertEquals(0, AlignPhantoms.rmsRigid(r.dx, tx, ang), 0.2);
		assertEquals(0, AlignPhantoms.rmsOffset(r.dy, ty), 0.2);
		assertEquals(r.aligned.size(), 60);
	}

	@Test
	void crossCorrelationRemovesVerticalDrift() {
		double[] ang = ScanSimulator.angles(0, 178, 90);
		ScanSimulator sim = AlignPhantoms.scan(64, 32).jitter(2, 5);
		FrameStack p = sim.projections(ang, 0.01);
		double[] ty = AlignPhantoms.column(sim.shifts(ang.length), 1);
		AlignResult r = ProjectionAligner.align(p, ang, new AlignOptions().method(AlignOptions.Method.CROSS_CORRELATION), null);
		// neighbour registration accumulates its errors (a random walk over 90 steps): coarse only
		assertEquals(0, AlignPhantoms.rmsOffset(r.dy, ty), 0.35);
	}

	@Test
	void badInputIsRejectedWithClearMessages() {
		FrameStack one = FrameStack.allocate(16, 8, 1);
		TxmException e = assertThrows(TxmException.class, () -> ProjectionAligner.align(one, new double[] { 0 }, null, null));
		assertTrue(e.getMessage().contains("at least 2 projections, got 1"), e.getMessage());
		FrameStack three = FrameStack.allocate(16, 8, 3);
		e = assertThrows(TxmException.class, () -> ProjectionAligner.align(three, new double[] { 0, 1 }, null, null));
		assertTrue(e.getMessage().contains("2 values for 3 projections"), e.getMessage());
		three.pixels(1)[5] = Float.NaN;
		e = assertThrows(TxmException.class, () -> ProjectionAligner.align(three, new double[] { 0, 1, 2 }, null, null));
		assertTrue(e.getMessage().contains("projection 1 contains NaN"), e.getMessage());
	}

	@Test
	void angleSyntax() {
		assertEquals(135, AngleList.parse("0:134:1", 135, null).length);
		assertArrayEquals(new double[] { 0, 0.5, 1 }, AngleList.parse("0:1:0.5", 3, null), 1e-12);
		assertArrayEquals(new double[] { 1, 2.5, 4 }, AngleList.parse("1, 2.5,4", 3, null), 1e-12);
		assertArrayEquals(new double[] { 7, 8 }, AngleList.parse("", 2, new double[] { 7, 8 }), 1e-12);
		TxmException e = assertThrows(TxmException.class, () -> AngleList.parse("0:10:1", 5, null));
		assertTrue(e.getMessage().contains("11 values"), e.getMessage());
		assertThrows(TxmException.class, () -> AngleList.parse("", 2, new double[] { 7, Double.NaN }));
	}

	@Test
	void centreFoundOnLimitedAngleData() {
		double[] ang = ScanSimulator.angles(0, 135, 68);
		double truth = 32.3;
		FrameStack p = AlignPhantoms.scan(64, 32).center(truth).projections(ang, 0.01);
		CenterFinder.Result r = CenterFinder.find(p, ang, 5, 6, null);
		// issue acceptance: within 0.25 px on 135-degree data
		assertEquals(truth, r.center, 0.25);
	}
}
