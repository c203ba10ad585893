package org.txmsuite.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import ij.macro.Interpreter;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.io.TiffIO;
import org.txmsuite.testing.TestContext;

/** A real .ijm macro runs a TXM Suite command headless through the ImageJ 1.x bridge. */
class MacroBridgeTest {
	@TempDir
	Path dir;

	@BeforeAll
	static void install() {
		assertTrue(MacroBridge.install(TestContext.get()));
	}

	/** Runs a macro file with an argument and returns what it printed (headless IJ1 logs to standard output). */
	public static synchronized String runMacro(Path macro, String argument) throws Exception {
		String text = Files.readString(macro);
		PrintStream old = System.out;
		ByteArrayOutputStream buf = new ByteArrayOutputStream();
		System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
		try {
			new Interpreter().run(text, argument);
		}
		finally {
			System.setOut(old);
		}
		String log = buf.toString(StandardCharsets.UTF_8);
		old.print(log);
		return log;
	}

	@Test
	void aBooleanKeyWrittenAloneIsTrueButNotInsideABracketedValue() {
		assertTrue(MacroBridge.hasBareKey("input=[a.tif] momentum tv_weight=0.2", "momentum"));
		assertTrue(MacroBridge.hasBareKey("momentum", "momentum"));
		assertFalse(MacroBridge.hasBareKey("input=[my momentum.tif] tv_weight=0.2", "momentum"));
		assertFalse(MacroBridge.hasBareKey("momentum=false", "momentum"));
		assertFalse(MacroBridge.hasBareKey("no_momentum", "momentum"));
	}

	@Test
	void frameTableMacro() throws Exception {
		FrameStack s = new FrameStack(4, 4);
		s.add(new float[16], new FrameInfo(FrameKind.FLAT, Double.NaN, 8333, 0.3));
		s.add(new float[16], new FrameInfo(FrameKind.SAMPLE, -10, 8333, 0.5));
		s.add(new float[16], new FrameInfo(FrameKind.SAMPLE, 37.5, 8333, 0.5));
		Path p = dir.resolve("stack.tif");
		TiffIO.save(s, p);
		String log = runMacro(Path.of("src/test/resources/macros/frame_table.ijm"), p.toString());
		assertTrue(log.contains("frames=3 first=flat last_angle=37.5"), log);
	}
}
