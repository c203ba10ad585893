package org.txmsuite.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.io.TiffIO;
import org.txmsuite.testing.LauncherTest;

/** The headless launcher end to end: real commands, files in and out, and failures. */
class TxmCliTest extends LauncherTest {
	@TempDir
	Path dir;


	Path stack() throws Exception {
		FrameStack s = new FrameStack(4, 4);
		s.add(new float[16], new FrameInfo(FrameKind.DARK, Double.NaN, 8333, 0.3));
		s.add(new float[16], new FrameInfo(FrameKind.FLAT, Double.NaN, 8333, 0.3));
		s.add(new float[16], new FrameInfo(FrameKind.SAMPLE, 12.5, 8333, 0.5));
		Path p = dir.resolve("in.tif");
		TiffIO.save(s, p);
		return p;
	}

	long files(Path d) throws Exception {
		try (Stream<Path> s = Files.list(d)) {
			return s.count();
		}
	}

	@Test
	void listShowsCommandsWithMenuPaths() {
		assertEquals(0, txm("list"));
		String o = out.toString(StandardCharsets.UTF_8);
		assertTrue(o.contains("Frame Table    [Plugins>TXM Suite>Utilities>Frame Table]"), o);
		assertTrue(o.contains("iterations : int = 3"), o);
		assertTrue(o.contains("choices [ART, SART]"), o);
	}

	@Test
	void runWritesTableOutput() throws Exception {
		Path outDir = dir.resolve("out");
		assertEquals(0, txm("run", "Frame Table", "input=\"" + stack() + "\"", "--out", outDir.toString()), err());
		List<String> lines = Files.readAllLines(outDir.resolve("frames.csv"));
		assertEquals("index,kind,angle_deg,energy_ev,exposure_s", lines.get(0));
		assertEquals("0,dark,NaN,8333,0.3", lines.get(1));
		assertEquals("2,sample,12.5,8333,0.5", lines.get(3));
		assertEquals(1, files(outDir));
	}

	@Test
	void runConvertsEveryTypeAndPrintsScalars() throws Exception {
		Path table = dir.resolve("t.csv");
		Files.writeString(table, "P,V\n1,2\n3,4\n");
		Path outDir = dir.resolve("out");
		int rc = txm("run", "TXM Test Echo", "input=" + stack() + ",iterations=7,weight=0.25,nonnegative=true,algorithm=\"art\",table=\""
			+ table + "\"", "--out", outDir.toString());
		assertEquals(0, rc, err());
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("summary = ART 7 0.25 true"));
		assertEquals("ART 7 0.25 true", Files.readString(outDir.resolve("summary.txt")).trim());
		assertEquals("iterations,rows_in", Files.readAllLines(outDir.resolve("echo.csv")).get(0));
		assertEquals("7,2", Files.readAllLines(outDir.resolve("echo.csv")).get(1));
		assertEquals(3, TiffIO.open(outDir.resolve("image.tif")).getStackSize());
	}

	@Test
	void badInputExitsNonZeroAndWritesNothing() throws Exception {
		Path outDir = dir.resolve("out");
		Files.createDirectories(outDir);
		Path in = stack();
		String o = outDir.toString();
		assertEquals(2, txm("run", "No Such Command", "", "--out", o));
		assertTrue(err().contains("unknown command 'No Such Command'"), err());
		assertEquals(2, txm("run", "TXM Test Echo", "bogus=1", "--out", o));
		assertTrue(err().contains("unknown parameter 'bogus'"), err());
		assertEquals(2, txm("run", "TXM Test Echo", "iterations=many", "--out", o));
		assertTrue(err().contains("parameter 'iterations' expects an integer, got 'many'"), err());
		assertEquals(2, txm("run", "TXM Test Echo", "iterations=0", "--out", o));
		assertTrue(err().contains("must be at least 1, got 0"), err());
		assertEquals(2, txm("run", "TXM Test Echo", "algorithm=FBP", "--out", o));
		assertTrue(err().contains("must be one of [ART, SART], got 'FBP'"), err());
		assertEquals(2, txm("run", "Frame Table", "input=\"" + dir.resolve("missing.tif") + "\"", "--out", o));
		assertTrue(err().contains("file not found"), err());
		assertEquals(2, txm("run", "Frame Table", "", "--out", o));
		assertTrue(err().contains("needs parameter 'input'"), err());
		assertEquals(1, txm("run", "TXM Test Echo", "input=" + in + ",fail=true", "--out", o));
		assertTrue(err().contains("TXM Test Echo: asked to fail"), err());
		assertEquals(0, files(outDir), "nothing may be written on failure");
	}
}
