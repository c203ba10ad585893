package org.txmsuite.xanes;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.io.TiffIO;
import org.txmsuite.testing.LauncherTest;

/** The XANES commands headless, as a user runs them with scripts/txm. */
class XanesCliTest extends LauncherTest {
	@TempDir
	Path dir;


	@Test
	void normalizeSpectrumFileWritesResultsAndNormalized() throws Exception {
		Path o = dir.resolve("out");
		Path xdi = Path.of("test-images/xanes/ni_metal_rt.xdi").toAbsolutePath();
		assertEquals(0, txm("run", "XANES Normalize", "spectra=\"" + xdi + "\"", "--out", o.toString()), err());
		List<String> res = Files.readAllLines(o.resolve("results.csv"));
		assertEquals("name,e0,edge_step,pre1,pre2,norm1,norm2,nnorm,status", res.get(0));
		String[] row = res.get(1).split(",");
		assertEquals("ni_metal_rt", row[0]);
		assertEquals(8331.5, Double.parseDouble(row[1]), 1e-9);
		assertEquals(2.6034107, Double.parseDouble(row[2]), 1e-6);
		assertEquals("ok", row[8]);
		List<String> norm = Files.readAllLines(o.resolve("normalized.csv"));
		assertEquals("energy,ni_metal_rt", norm.get(0));
		assertEquals(418, norm.size() - 1);
		assertFalse(Files.exists(o.resolve("e0_map.tif")));
	}

	@Test
	void stackInputWritesMapsAsTiffs() throws Exception {
		SyntheticParticle sim = new SyntheticParticle(24, 100, 3);
		Path in = dir.resolve("stack.tif");
		TiffIO.save(ImageJ1Views.toImagePlus(sim.stack, "stack"), in);
		Path o = dir.resolve("maps");
		assertEquals(0, txm("run", "XANES Normalize", "input=\"" + in + "\"", "--out", o.toString()), err());
		for (String f : new String[] { "normalized.tif", "e0_map.tif", "edge_step_map.tif", "mask.tif", "summary.txt" })
			assertTrue(Files.exists(o.resolve(f)), f);
		assertEquals(60, TiffIO.open(o.resolve("normalized.tif")).getStackSize());
		Path o2 = dir.resolve("edges");
		assertEquals(0, txm("run", "XANES Edge and Whiteline Maps", "input=\"" + in + "\",whiteline_fit=Polynomial,smoothing=1", "--out",
			o2.toString()), err());
		for (String f : new String[] { "edge50_map.tif", "whiteline_map.tif", "whiteline_height_map.tif", "edge50_map_view.png" })
			assertTrue(Files.exists(o2.resolve(f)), f);
		String refs = Path.of("test-images/xanes/pyxas_ref_NiO.txt").toAbsolutePath() + "," + Path.of("test-images/xanes/pyxas_ref_LiNiO2.txt").toAbsolutePath();
		Path o3 = dir.resolve("fit");
		assertEquals(0, txm("run", "XANES Reference Fitting", "input=\"" + in + "\",references=\"" + refs + "\"", "--out", o3.toString()), err());
		assertTrue(Files.exists(o3.resolve("fraction_2.tif")));
		assertTrue(Files.exists(o3.resolve("residual_map.tif")));
		Path o4 = dir.resolve("cluster");
		assertEquals(0, txm("run", "XANES Cluster Analysis", "input=\"" + in + "\",clusters=3", "--out", o4.toString()), err());
		for (String f : new String[] { "labels.tif", "cluster_spectra.csv", "cluster_plot.png", "pca.csv" })
			assertTrue(Files.exists(o4.resolve(f)), f);
	}

	@Test
	void badInputIsAClearError() throws Exception {
		Path o = dir.resolve("bad");
		assertEquals(1, txm("run", "XANES Normalize", "", "--out", o.toString()));
		assertTrue(err().contains("expected an image stack ('input') or a spectrum file ('spectra')"), err());
		Path unsorted = dir.resolve("unsorted.csv");
		StringBuilder b = new StringBuilder("energy,a\n");
		for (int i = 0; i < 12; i++) b.append(8300 + (i == 5 ? 100 : i)).append(',').append(i).append('\n');
		Files.writeString(unsorted, b);
		assertEquals(1, txm("run", "XANES Normalize", "spectra=\"" + unsorted + "\"", "--out", o.toString()));
		assertTrue(err().contains("energies are not sorted"), err());
		Path dup = dir.resolve("dup.csv");
		Files.writeString(dup, "energy,a\n8300,0\n8300,1\n8301,1\n8302,1\n8303,1\n8304,1\n8305,1\n8306,1\n8307,1\n8308,1\n");
		assertEquals(1, txm("run", "XANES Normalize", "spectra=\"" + dup + "\"", "--out", o.toString()));
		assertTrue(err().contains("8300.00 eV appears twice"), err());
		Path shortFile = dir.resolve("short.csv");
		Files.writeString(shortFile, "energy,a\n8300,0\n8301,1\n8302,1\n");
		assertEquals(1, txm("run", "XANES Normalize", "spectra=\"" + shortFile + "\"", "--out", o.toString()));
		assertTrue(err().contains("has 3 energies; at least 10"), err());
		assertFalse(Files.exists(o) && Files.list(o).findAny().isPresent(), "nothing written on failure");
	}
}
