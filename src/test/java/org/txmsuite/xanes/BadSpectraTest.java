package org.txmsuite.xanes;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.Progress;

/** Spectra that cannot be normalized are masked and counted, never silently mapped. */
class BadSpectraTest {
	@Test
	void nanAndFlatSpectraAreMaskedWithCounts() {
		double[] e = new double[30];
		for (int i = 0; i < e.length; i++) e[i] = 8300 + 3 * i;
		double[][] v = new double[4][e.length];
		for (int i = 0; i < e.length; i++) {
			double edge = 1 / (1 + Math.exp(-(e[i] - 8345) / 2));
			v[0][i] = 0.1 + edge;
			v[1][i] = 0.1 + edge;
			v[2][i] = 0.5 - 1e-4 * i; // no edge: a falling line
			v[3][i] = 0.2 + 0.8 * edge;
		}
		v[1][7] = Double.NaN;
		SpectrumTable t = new SpectrumTable("test", e, new String[] { "good", "nan", "flat", "good2" }, v);
		XanesResult r = Xanes.normalize(XanesData.of(t), NormalizeOptions.larchDefaults(), Progress.NONE);
		var res = r.table("results");
		assertEquals("ok", res.getStringValue("status", 0));
		assertEquals("NaN or infinite values", res.getStringValue("status", 1));
		assertTrue(Double.isNaN(res.getValue("edge_step", 1)));
		assertNotEquals("ok", res.getStringValue("status", 2));
		assertEquals("ok", res.getStringValue("status", 3));
		assertTrue(r.summary().contains("2 of 4 spectra used"), r.summary());
		assertTrue(r.summary().contains("1 NaN or infinite values"), r.summary());
		XanesResult edges = Xanes.edges(XanesData.of(t), NormalizeOptions.larchDefaults(), new Xanes.EdgeOptions(), Progress.NONE);
		assertTrue(Double.isNaN(edges.table("results").getValue("edge50", 1)));
		assertTrue(Double.isNaN(edges.table("results").getValue("edge50", 2)));
		assertEquals(8345, edges.table("results").getValue("edge50", 0), 0.5);
	}
}
