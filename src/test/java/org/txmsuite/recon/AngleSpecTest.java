package org.txmsuite.recon;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;

class AngleSpecTest {
	@TempDir
	Path dir;

	@Test
	void rangesAreInclusiveAndListsCombine() {
		assertArrayEquals(new double[] { 0, 1, 2, 3 }, AngleSpec.parse("0:3:1", 4));
		assertArrayEquals(new double[] { 10, 7.5, 5 }, AngleSpec.parse("10:5:-2.5", -1));
		assertArrayEquals(new double[] { 0, 0.5, 1, 5, -3 }, AngleSpec.parse("0:1:0.5, 5,-3", 5));
		assertEquals(135, AngleSpec.parse("0:134:1", 135).length);
		assertEquals(181, AngleSpec.parse("-90:90:1", 181).length);
	}

	@Test
	void readsATextFile() throws Exception {
		Path f = dir.resolve("angles.txt");
		Files.writeString(f, "# theta\n0.0\n1.5 3.0\n4.5,6\n");
		assertArrayEquals(new double[] { 0, 1.5, 3, 4.5, 6 }, AngleSpec.parse(f.toString(), 5));
	}

	@Test
	void badSpecsGiveClearErrors() {
		assertTrue(assertThrows(TxmException.class, () -> AngleSpec.parse("", 3)).getMessage().contains("angle set is empty"));
		assertTrue(assertThrows(TxmException.class, () -> AngleSpec.parse("0:134:1", 100)).getMessage()
			.contains("gives 135 angles, but the stack has 100 projections"));
		assertTrue(assertThrows(TxmException.class, () -> AngleSpec.parse("0:10:-1", -1)).getMessage().contains("does not lead"));
		assertTrue(assertThrows(TxmException.class, () -> AngleSpec.parse("0,x1", -1)).getMessage().contains("'x1' is not a number"));
		assertTrue(assertThrows(TxmException.class, () -> AngleSpec.parse("/no/such/file.txt", -1)).getMessage()
			.contains("neither an angle range/list nor an existing file"));
	}

	@Test
	void resolveFallsBackToMetadata() {
		FrameStack s = new FrameStack(2, 2);
		s.add(new float[4], new FrameInfo().angleDeg(-10)).add(new float[4], new FrameInfo().angleDeg(20));
		assertArrayEquals(new double[] { -10, 20 }, AngleSpec.resolve(" ", s));
		assertArrayEquals(new double[] { 0, 1 }, AngleSpec.resolve("0:1:1", s));
		s.info(1).angleDeg(Double.NaN);
		assertTrue(assertThrows(TxmException.class, () -> AngleSpec.resolve("", s)).getMessage().contains("no rotation angle for projection 1"));
	}
}
