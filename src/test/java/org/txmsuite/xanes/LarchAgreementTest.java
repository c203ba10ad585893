package org.txmsuite.xanes;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Normalization against Larch 0.9.58 pre_edge output (golden files computed with Larch itself). */
class LarchAgreementTest {
	static final Path DATA = Path.of("test-images/xanes");

	@Test
	void niFoilMatchesLarchGolden() throws Exception {
		SpectrumTable t = SpectrumFiles.read(DATA.resolve("ni_metal_rt.xdi"));
		assertEquals(1, t.size());
		Normalizer.Work w = new Normalizer(t.energiesEv(), NormalizeOptions.larchDefaults()).work();
		System.arraycopy(t.spectrum(0), 0, w.input(), 0, t.energyCount());
		assertEquals(Normalizer.OK, w.run());
		assertEquals(8331.50, w.e0, 0.1);
		assertEquals(2.6034, w.edgeStep, 2.6034 * 0.005);
		assertEquals(-190, w.pre1(), 1e-9);
		assertEquals(-65, w.pre2(), 1e-9);
		assertEquals(150, w.norm1(), 1e-9);
		assertEquals(1235, w.norm2(), 1e-9);
		assertEquals(2, w.nnorm());
		List<String> golden = Files.readAllLines(DATA.resolve("golden_ni_metal_rt_larch0958_preedge.csv"));
		double worstNorm = 0, worstPre = 0;
		int rows = 0;
		for (String line : golden) {
			if (line.startsWith("#") || line.isBlank()) continue;
			String[] c = line.split(",");
			double[] e = t.energiesEv();
			assertEquals(e[rows], Double.parseDouble(c[0]), 1e-6);
			worstNorm = Math.max(worstNorm, Math.abs(w.norm[rows] - Double.parseDouble(c[4])));
			worstPre = Math.max(worstPre, Math.abs(w.preEdge(rows) - Double.parseDouble(c[2])));
			rows++;
		}
		assertEquals(t.energyCount(), rows);
		assertTrue(worstNorm < 1e-3, "max |norm - Larch| = " + worstNorm);
		assertTrue(worstPre < 1e-4, "max |pre_edge - Larch| = " + worstPre);
		System.out.printf("Ni foil vs Larch 0.9.58: e0 %.2f, step %.6f, max |norm diff| %.2e%n", w.e0, w.edgeStep, worstNorm);
	}

	/** Golden files written by scripts/check-larch.sh --golden with Debian's Larch 0.9.58. */
	@Test
	void otherSpectraMatchLarch() throws Exception {
		for (String file : new String[] { "mn_cpmnco3.dat", "pyxas_ref_NiO.txt", "pyxas_ref_LiNiO2.txt" }) check(file);
	}

	private static void check(String file) throws Exception {
		SpectrumTable t = SpectrumFiles.read(DATA.resolve(file));
		Normalizer.Work w = new Normalizer(t.energiesEv(), NormalizeOptions.larchDefaults()).work();
		assertEquals(Normalizer.OK, w.run(t.spectrum(0)));
		List<String> golden = Files.readAllLines(DATA.resolve("larch0958_" + file.replaceFirst("\\.[^.]*$", "") + ".csv"));
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("e0=([0-9.]+) edge_step=([0-9.]+)").matcher(golden.get(0));
		assertTrue(m.find(), golden.get(0));
		assertEquals(Double.parseDouble(m.group(1)), w.e0, 0.1);
		double step = Double.parseDouble(m.group(2));
		assertEquals(step, w.edgeStep, 0.005 * step);
		double worst = 0;
		for (int i = 2; i < golden.size(); i++) {
			String[] c = golden.get(i).split(",");
			worst = Math.max(worst, Math.abs(w.norm[i - 2] - Double.parseDouble(c[1])));
		}
		assertEquals(t.energyCount(), golden.size() - 2);
		assertTrue(worst < 1e-3, file + ": max |norm - Larch| = " + worst);
	}
}
