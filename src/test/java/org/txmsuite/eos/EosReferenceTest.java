package org.txmsuite.eos;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Fits of real data against EosFit7's published numbers and the independent reference fits. */
class EosReferenceTest {

	static void close(double expected, double actual, double relTol, String what) {
		assertEquals(expected, actual, Math.abs(expected) * relTol, what);
	}

	/** The acceptance numbers: EosFit7 on its own quartz example file, within 2e-4 relative. */
	@Test
	void quartzBm3MatchesEosFit7() {
		EosData q = EosTestData.load("quartz_eosfit_example");
		EosFit ev = EosFitter.fit(q, new EosOptions().model(EosModel.BM3), null);
		double[][] expected = { { 112.98088, 0.00199 }, { 37.12600, 0.09104 }, { 5.98823, 0.04530 } };
		for (int i = 0; i < 3; i++) {
			close(expected[i][0], ev.value(i), 2e-4, "EV " + EosModel.NAMES[i]);
			close(expected[i][1], ev.esd(i), 2e-4 + 0.5e-5 / expected[i][1], "EV esd " + EosModel.NAMES[i]);
		}
		assertEquals(0.95, ev.chi2w(), 0.005);
		assertEquals(22, ev.n());
		EosFit ols = EosFitter.fit(q, new EosOptions().model(EosModel.BM3).weighting(EosOptions.Weighting.NONE), null);
		double[][] unweighted = { { 112.96752, 0.02249 }, { 37.28543, 0.21292 }, { 5.93351, 0.06570 } };
		for (int i = 0; i < 3; i++) {
			close(unweighted[i][0], ols.value(i), 2e-4, "OLS " + EosModel.NAMES[i]);
			close(unweighted[i][1], ols.esd(i), 2e-4 + 0.5e-5 / unweighted[i][1], "OLS esd " + EosModel.NAMES[i]);
		}
		// BM3's implied K'' = -[(K'-3)(K'-4) + 35/9]/K0
		assertEquals(-0.2648, ev.value(EosModel.KPP), 1e-4);
		assertEquals(EosFit.Status.IMPLIED, ev.status(EosModel.KPP));
	}

	@Test
	void quartzVinetMatchesEosFit7() {
		EosFit f = EosFitter.fit(EosTestData.load("quartz_eosfit_example"), new EosOptions().model(EosModel.VINET3), null);
		double[][] expected = { { 112.98095, 0.00199 }, { 37.0254, 0.0874 }, { 6.1031, 0.0411 } };
		for (int i = 0; i < 3; i++) {
			close(expected[i][0], f.value(i), 2e-5, "Vinet " + EosModel.NAMES[i]);
			close(expected[i][1], f.esd(i), 0.5e-4 / expected[i][1] + 1e-4, "Vinet esd " + EosModel.NAMES[i]);
		}
	}

	/** Published values (Ross & Angel 1999; Milani 2015; Dewaele 2004) at their printed precision. */
	@Test
	void publishedFitsOfOtherMaterials() {
		EosFit catio3 = EosFitter.fit(EosTestData.load("catio3_ross_angel1999"), new EosOptions(), null);
		assertEquals(223.764, catio3.value(0), 0.001); // printed 223.764(17); the fit gives 223.7647
		assertEquals(0.017, catio3.esd(0), 0.0005);
		assertEquals(170.9, catio3.value(1), 0.05);
		assertEquals(1.4, catio3.esd(1), 0.05);
		assertEquals(6.6, catio3.value(2), 0.05);
		assertEquals(0.3, catio3.esd(2), 0.05);
		assertEquals(1.4, catio3.chi2w(), 0.05);
		EosFit cageo3 = EosFitter.fit(EosTestData.load("cageo3_ross_angel1999"), new EosOptions(), null);
		assertEquals(206.490, cageo3.value(0), 0.0005);
		assertEquals(194.0, cageo3.value(1), 0.05);
		assertEquals(2.1, cageo3.esd(1), 0.05);
		assertEquals(6.1, cageo3.value(2), 0.05);
		assertEquals(0.5, cageo3.esd(2), 0.05);
		EosFit alm = EosFitter.fit(EosTestData.load("almandine_milani2015"), new EosOptions(), null);
		assertEquals(1533.52, alm.value(0), 0.005);
		assertEquals(0.10, alm.esd(0), 0.005);
		assertEquals(172.6, alm.value(1), 0.05);
		assertEquals(1.5, alm.esd(1), 0.05);
		assertEquals(5.8, alm.value(2), 0.05);
		assertEquals(0.5, alm.esd(2), 0.05);
		// Cu, Vinet with V0 fixed at 11.81, unweighted as published: K0 132.4(1.4), K' 5.32(6) (95 % intervals)
		EosFit cu = EosFitter.fit(EosTestData.load("copper_dewaele2004"), new EosOptions().model(EosModel.VINET3)
			.weighting(EosOptions.Weighting.NONE).fixed("V0=11.81"), null);
		assertEquals(11.81, cu.value(0), 0);
		assertEquals(0, cu.esd(0), 0);
		assertEquals(EosFit.Status.FIXED, cu.status(0));
		assertEquals(132.4, cu.value(1), 0.05);
		assertEquals(1.4, 1.96 * cu.esd(1), 0.1);
		assertEquals(5.32, cu.value(2), 0.005);
		assertEquals(0.06, 1.96 * cu.esd(2), 0.005);
	}

	/**
	 * Every row of reference_fits.txt (BM2/3/4, NS3, Murnaghan, Vinet; OLS and EV; six data sets): values
	 * within 1e-3 of their esd (plus the printed rounding), esds within 2e-4 relative plus rounding.
	 */
	@TestFactory
	Stream<DynamicTest> referenceFits() {
		return EosTestData.references().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> referenceFit(r)));
	}

	static void referenceFit(EosTestData.Ref r) {
		EosFit f = EosTestData.fit(r);
		double[] round = { 0.5e-5, 0.5e-4, 0.5e-4 };
		for (int i = 0; i < 3; i++) {
			String name = r + " " + EosModel.NAMES[i];
			assertEquals(r.value[i], f.value(i), 1e-3 * r.esd[i] + round[i], name);
			assertEquals(r.esd[i], f.esd(i), 2e-4 * r.esd[i] + round[i], name + " esd");
		}
		assertEquals(r.value[3], f.value(3), 0.5e-4, r + " Kpp");
		if (!Double.isNaN(r.chi2w)) assertEquals(r.chi2w, f.chi2w(), 0.5e-3, r + " chi2w");
		assertEquals(r.rmsP, f.rmsP(), 0.5e-4, r + " rmsP");
	}

	@Test
	void allReferenceRowsAreRead() {
		List<EosTestData.Ref> refs = EosTestData.references();
		assertEquals(36, refs.size());
	}
}
