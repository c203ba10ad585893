package org.txmsuite.eos;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.TxmException;

/** The model formulas checked against their own definitions by numerical differentiation. */
class EosModelTest {
	static final double[] BASE = { 100, 160, 4.6, -0.04 };

	static double[] params(EosModel m) {
		return m.complete(BASE.clone());
	}

	/** K'(V) = dK/dP = -(V/K) dK/dV by central differences. */
	static double kPrime(EosModel m, double[] p, double v) {
		double h = 1e-4 * v;
		return -(v / m.bulkModulus(v, p)) * (m.bulkModulus(v + h, p) - m.bulkModulus(v - h, p)) / (2 * h);
	}

	@Test
	void bulkModulusIsMinusVdPdV() {
		for (EosModel m : EosModel.values()) {
			double[] p = params(m);
			for (double x : new double[] { 1.0, 0.95, 0.85, 0.7 }) {
				double v = x * p[0], h = 1e-6 * v;
				double numeric = -v * (m.pressure(v + h, p) - m.pressure(v - h, p)) / (2 * h);
				assertEquals(numeric, m.bulkModulus(v, p), 1e-6 * numeric, m + " at V/V0 = " + x);
			}
			assertEquals(0, m.pressure(p[0], p), 1e-12, m + " P(V0)");
			assertEquals(p[1], m.bulkModulus(p[0], p), 1e-9 * p[1], m + " K(V0)");
		}
	}

	/** K'(0) is Kp (or the 2nd-order value), and K''(0) is the implied (or given 4th-order) Kpp. */
	@Test
	void pressureDerivativesAtV0MatchParameters() {
		for (EosModel m : EosModel.values()) {
			double[] p = params(m);
			double v0 = p[0], h = 1e-3 * v0;
			assertEquals(p[2], kPrime(m, p, v0), 1e-6 * p[2], m + " K'");
			double kpp = -(v0 / p[1]) * (kPrime(m, p, v0 + h) - kPrime(m, p, v0 - h)) / (2 * h);
			assertEquals(p[3], kpp, 1e-4 * Math.abs(p[3]) + 1e-7, m + " K''");
		}
		assertEquals(4, params(EosModel.BM2)[2]);
		assertEquals(1, params(EosModel.VINET2)[2]);
		assertEquals(2, params(EosModel.NS2)[2]);
		assertEquals(4, params(EosModel.TAIT2)[2]);
		assertEquals(-0.04, params(EosModel.BM4)[3]);
	}

	/** BM3 F-f is the straight line K0 (1 + 3/2 (K'-4) f). */
	@Test
	void bm3NormalizedPressureIsLinear() {
		double[] p = params(EosModel.BM3);
		for (double x : new double[] { 0.97, 0.9, 0.8 }) {
			double v = x * p[0], f = FfAnalysis.strain(v, p[0]);
			assertEquals(p[1] * (1 + 1.5 * (p[2] - 4) * f), FfAnalysis.normalizedPressure(EosModel.BM3.pressure(v, p), f), 1e-9);
		}
	}

	@Test
	void volumeInvertsPressure() {
		for (EosModel m : EosModel.values()) {
			double[] p = params(m);
			double v = m.volume(12.5, p);
			assertEquals(12.5, m.pressure(v, p), 1e-9, m.label());
		}
	}

	@Test
	void parsesLabelsAndAliases() {
		assertEquals(EosModel.VINET3, EosModel.parse("vinet"));
		assertEquals(EosModel.BM3, EosModel.parse("Birch-Murnaghan"));
		assertEquals(EosModel.NS4, EosModel.parse("ns4"));
		for (EosModel m : EosModel.values()) assertEquals(m, EosModel.parse(m.label()));
		TxmException e = assertThrows(TxmException.class, () -> EosModel.parse("BM5"));
		assertTrue(e.getMessage().contains("BM5") && e.getMessage().contains("Vinet3"), e.getMessage());
	}
}
