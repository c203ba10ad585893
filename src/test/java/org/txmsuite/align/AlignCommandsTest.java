package org.txmsuite.align;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.cli.TxmCli;
import org.txmsuite.core.FrameStack;
import org.txmsuite.io.TiffIO;
import org.txmsuite.sim.ScanSimulator;

/** The align commands headless, exactly as the issue calls them. */
class AlignCommandsTest {
	@TempDir
	Path dir;

	final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	int txm(String... args) {
		return new TxmCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	@Test
	void alignProjectionsHeadlessWritesAlignedStackAndShifts() throws Exception {
		double[] ang = ScanSimulator.angles(0, 134, 135);
		ScanSimulator sim = AlignPhantoms.scan(32, 16).jitter(2, 3);
		FrameStack p = sim.projections(ang, 0.01);
		Path in = dir.resolve("p.tif");
		TiffIO.save(p, in);
		Path o = dir.resolve("out");
		int rc = txm("run", "Align Projections", "input=\"" + in + "\",angles=\"0:134:1\",method=\"tomographic-consistency\",max_loops=6",
			"--out", o.toString());
		assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
		assertEquals(135, TiffIO.open(o.resolve("aligned.tif")).getStackSize());
		List<String> lines = Files.readAllLines(o.resolve("shifts.csv"));
		assertEquals("index,angle,dx,dy", lines.get(0));
		assertEquals(136, lines.size());
		// the shifts follow the simulator's: correlation of found and true dy above 0.9
		double[] fy = new double[135], ty = AlignPhantoms.column(sim.shifts(135), 1);
		for (int i = 0; i < 135; i++) fy[i] = Double.parseDouble(lines.get(i + 1).split(",")[3]);
		assertTrue(correlation(fy, ty) > 0.9, "correlation " + correlation(fy, ty));
	}

	@Test
	void wrongAngleCountFailsWithReason() throws Exception {
		FrameStack p = AlignPhantoms.scan(32, 16).projections(ScanSimulator.angles(0, 9, 10), 0);
		Path in = dir.resolve("p.tif");
		TiffIO.save(p, in);
		Path o = dir.resolve("out");
		assertEquals(1, txm("run", "Align Projections", "input=\"" + in + "\",angles=\"0:134:1\"", "--out", o.toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("gives 135 angles, but the stack has 10 projections"), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void alignSpectralStackHeadlessWritesShiftsWithEnergies() throws Exception {
		FrameStack all = SpectralAlignerTest.stack(), st = new FrameStack(all.width(), all.height());
		for (int i = 0; i < all.size(); i += 6) st.add(all.pixels(i), all.info(i).copy());
		Path in = dir.resolve("xanes.tif");
		TiffIO.save(st, in);
		Path o = dir.resolve("out");
		assertEquals(0, txm("run", "Align Spectral Stack", "input=\"" + in + "\",scale=\"linear\"", "--out", o.toString()),
			err.toString(StandardCharsets.UTF_8));
		List<String> lines = Files.readAllLines(o.resolve("shifts.csv"));
		assertEquals("index,energy,dx,dy,scale", lines.get(0));
		assertEquals(st.size() + 1, lines.size());
		String[] last = lines.get(st.size()).split(",");
		assertEquals(st.info(st.size() - 1).energyEv(), Double.parseDouble(last[1]), 1e-3);
		// the reference (last) frame: no shift, scale 1
		assertEquals(1, Double.parseDouble(last[4]), 1e-9);
		assertEquals(st.size(), TiffIO.open(o.resolve("aligned.tif")).getStackSize());
	}

	static double correlation(double[] a, double[] b) {
		double ma = ProjectionAligner.mean(a), mb = ProjectionAligner.mean(b), sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < a.length; i++) {
			sab += (a[i] - ma) * (b[i] - mb);
			saa += (a[i] - ma) * (a[i] - ma);
			sbb += (b[i] - mb) * (b[i] - mb);
		}
		return sab / Math.sqrt(saa * sbb);
	}
}
