package org.txmsuite.align;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;
import org.txmsuite.sim.ScanSimulator;

/** Consistency and cross-correlation alignment against the simulator's exact jitter (small sizes; big ones in bench). */
class ProjectionAlignerTest {
	/**
	 * Aligns a 64 x 32 x n jittered (+-3 px) scan; returns {x RMS with a + b cos + c sin removed (gauge-free), y RMS with
	 * the offset removed, x RMS with the common offset removed (the measure), the floor of the latter: the true
	 * jitter's own cos/sin part, an object translation no method can see}.
	 */
	static double[] consistency(double[] ang, long seed) {
		ScanSimulator sim = AlignPhantoms.scan(64, 32).jitter(3, seed);
		FrameStack p = sim.projections(ang, 0.01);
		double[][] t = sim.shifts(ang.length);
		AlignResult r = ProjectionAligner.align(p, ang, new AlignOptions().maxLoops(25), null);
		assertEquals(ang.length, r.aligned.size());
		double[] tx = AlignPhantoms.column(t, 0), ty = AlignPhantoms.column(t, 1);
		double[] e = { AlignPhantoms.rmsRigid(r.dx, tx, ang), AlignPhantoms.rmsOffset(r.dy, ty), AlignPhantoms.rmsOffset(r.dx, tx),
			AlignPhantoms.gaugeFloor(tx, ang) };
		System.out.printf("consistency %d views %.0f..%.0f deg seed %d: x %.3f px (rigid removed), %.3f px (offset removed; floor %.3f), y %.3f px, %d loops%n",
			ang.length, ang[0], ang[ang.length - 1], seed, e[0], e[2], e[3], e[1], r.loops);
		return e;
	}

	@Test
	void consistencyRecoversJitterWithTheSimulatorsSignConvention() {
		// +-3 px jitter (RMS 1.7 px) at this small size (32 rows, 64 columns, 60 views): the found shifts equal
		// the true ones, same sign. Issue acceptance (64 x 128 x 128): 0.10 px at 180 degrees after removing a
		// common offset. That measure includes the true jitter's own b cos + c sin part (an object translation,
		// invisible to any method); this seed's is small (0.087 px), so the literal measure applies: measured
		// 0.090 px, gauge-free 0.024 px, y 0.088 px (a quarter of the edge pixels of the full case).
		double[] e = consistency(ScanSimulator.angles(0, 177, 60), 11);
		assertEquals(0.087, e[3], 0.002, "floor of this seed");
		assertEquals(0, e[2], 0.10);
		assertEquals(0, e[0], 0.05);
		assertEquals(0, e[1], 0.12);
	}

	@Test
	void consistencyOnFourPostDacAngles() {
		// four-post cell: 152 degrees in two windows 90 degrees apart; acceptance 0.15 px. This seed's jitter
		// holds 0.332 px of b cos + c sin (floor of the common-offset measure for ANY method, above 0.15), so
		// the threshold applies to the gauge-free error (measured 0.040 px), and the common-offset error must
		// sit at that floor: the minimum-norm gauge adds only the gauge-free error in quadrature (0.334 px).
		double[] e = consistency(ScanSimulator.fourPostAngles(152, 152.0 / 60), 7);
		assertEquals(0.332, e[3], 0.002, "floor of this seed");
		assertEquals(0, e[0], 0.15);
		assertEquals(0, e[2], Math.hypot(e[3], 0.05));
		assertEquals(0, e[1], 0.15);
	}

	@Test
	void refinedCentreIsTheTrueOnePlusTheJittersConstant() {
		// scans about 32.8 (1.3 px off the geometric centre 31.5), the loop starts from 31.5 and refines it. A
		// jitter with a constant part a (fit a + b cos + c sin) is a centre shift for any method, so the centre
		// reported for the aligned stack is 32.8 + a; the gauge fixing (b cos + c sin only) must leave it alone.
		double[] ang = ScanSimulator.angles(0, 177, 60);
		double truth = 32.8;
		ScanSimulator sim = AlignPhantoms.scan(64, 32).center(truth).jitter(3, 11);
		FrameStack p = sim.projections(ang, 0.01);
		double[] tx = AlignPhantoms.column(sim.shifts(ang.length), 0);
		AlignResult r = ProjectionAligner.align(p, ang, new AlignOptions().maxLoops(25).refineCenter(true), null);
		double a = Lsq.fit(tx, ang)[0];
		System.out.printf("refined centre %.3f, true %.3f + jitter constant %.3f: error %.3f px; x %.3f px gauge-free%n", r.center, truth, a,
			r.center - truth - a, AlignPhantoms.rmsRigid(r.dx, tx, ang));
		assertEquals(truth + a, r.center, 0.10); // measured 0.058 px; the issue asks 0.25 px of the centre finder
		assertEquals(0, ProjectionAligner.mean(r.dx), 1e-9);
		assertEquals(0, AlignPhantoms.rmsRigid(r.dx, tx, ang), 0.05);
	}

	@Test
	void extrapolationSumsAGeometricCreepAndLeavesTurnsAlone() {
		// updates u, 0.8 u, 0.64 u, ...: the rest after 0.8 u sums to 4 x (0.8 u) = rho / (1 - rho) with rho = 0.8
		double[] px = { 0.1, -0.2, 0.05 }, py = { 0.02, 0, -0.01 };
		double[] ux = new double[3], uy = new double[3];
		for (int i = 0; i < 3; i++) {
			ux[i] = 0.8 * px[i];
			uy[i] = 0.8 * py[i];
		}
		assertEquals(4.0, ProjectionAligner.extrapolation(ux, uy, px, py), 1e-9);
		// a slow creep is capped at 10, a turn (not parallel) or a fast decay gets nothing
		for (int i = 0; i < 3; i++) { ux[i] = 0.96 * px[i]; uy[i] = 0.96 * py[i]; }
		assertEquals(10, ProjectionAligner.extrapolation(ux, uy, px, py), 1e-9);
		double[] turn = { 0.08, 0.1, 0.04 };
		assertEquals(0, ProjectionAligner.extrapolation(turn, uy, px, py), 0);
		for (int i = 0; i < 3; i++) { ux[i] = 0.2 * px[i]; uy[i] = 0.2 * py[i]; }
		assertEquals(0, ProjectionAligner.extrapolation(ux, uy, px, py), 0);
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
	void centreFoundOnLimitedAngleData() {
		double[] ang = ScanSimulator.angles(0, 135, 68);
		double truth = 32.3;
		FrameStack p = AlignPhantoms.scan(64, 32).center(truth).projections(ang, 0.01);
		CenterFinder.Result r = CenterFinder.find(p, ang, 5, 6, null);
		// issue acceptance: within 0.25 px on 135-degree data
		assertEquals(truth, r.center, 0.25);
	}
}
