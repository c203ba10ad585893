package org.txmsuite.core;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;

import java.nio.file.Path;

import net.imglib2.img.Img;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.io.TiffIO;

class MetadataRoundTripTest {
	@TempDir
	Path dir;

	static FrameStack sample() {
		FrameStack s = new FrameStack(5, 4).pixelSizeNm(21.7).binning(2).source("sim").state(DataState.RAW);
		for (int i = 0; i < 6; i++) {
			float[] p = new float[20];
			for (int k = 0; k < 20; k++) p[k] = i * 100 + k + 0.25f;
			FrameKind kind = i == 0 ? FrameKind.DARK : i % 3 == 1 ? FrameKind.FLAT : FrameKind.SAMPLE;
			FrameInfo f = new FrameInfo(kind, -67.5 + 13.25 * i, 8333.1 + i, 0.5).timeS(1.5 * i).name("f_" + i + ".xrm")
				.position("x", 12.345).position("zpz", -1.0 / 3);
			s.add(p, f);
		}
		return s;
	}

	@Test
	void tiffKeepsAnglesEnergiesKindsAndPositions() throws Exception {
		FrameStack s = sample();
		Path p = dir.resolve("stack.tif");
		TiffIO.save(s, p);
		FrameStack r = TiffIO.openFrames(p);
		assertEquals(6, r.size());
		assertEquals(21.7, r.pixelSizeNm(), 0);
		assertEquals(2, r.binning());
		assertEquals("sim", r.source());
		for (int i = 0; i < 6; i++) {
			FrameInfo a = s.info(i), b = r.info(i);
			assertEquals(a.kind(), b.kind(), "kind " + i);
			assertEquals(a.angleDeg(), b.angleDeg(), 0, "angle " + i);
			assertEquals(a.energyEv(), b.energyEv(), 0, "energy " + i);
			assertEquals(a.exposureS(), b.exposureS(), 0);
			assertEquals(a.timeS(), b.timeS(), 0);
			assertEquals(a.name(), b.name());
			assertEquals(-1.0 / 3, b.positions().get("zpz"), 0);
			assertArrayEquals(s.pixels(i), r.pixels(i), 0f);
		}
	}

	@Test
	void handMadeLabelsGiveKindsAndAngles() {
		FrameStack s = FrameStack.allocate(3, 3, 3);
		ImagePlus imp = ImageJ1Views.toImagePlus(s, "x");
		imp.getStack().setSliceLabel("flat_001", 1);
		imp.getStack().setSliceLabel("dark", 2);
		imp.getStack().setSliceLabel("proj 12.5deg", 3);
		imp.setProperty("Info", null);
		FrameStack r = ImageJ1Views.toFrameStack(imp);
		assertEquals(FrameKind.FLAT, r.info(0).kind());
		assertEquals(FrameKind.DARK, r.info(1).kind());
		assertEquals(FrameKind.SAMPLE, r.info(2).kind());
		assertEquals(12.5, r.info(2).angleDeg(), 0);
	}

	@Test
	void volumeAndSpectralStackRoundTrip() throws Exception {
		Volume v = new Volume(4, 3, 2).voxelSizeNm(30, 30, 45);
		v.set(1, 2, 1, 7f);
		Path p = dir.resolve("vol.tif");
		TiffIO.save(ImageJ1Views.toImagePlus(v, "v"), p);
		Volume r = ImageJ1Views.toVolume(TiffIO.open(p));
		assertEquals(45, r.voxelZNm(), 0);
		assertEquals(7f, r.get(1, 2, 1), 0f);

		double[] e = { 8300, 8333.5, 8400 };
		float[][] planes = new float[6][12];
		planes[5][11] = 3f;
		SpectralStack s = new SpectralStack(4, 3, 2, e, planes).state(DataState.TRANSMISSION);
		Path q = dir.resolve("spec.tif");
		TiffIO.save(ImageJ1Views.toImagePlus(s, "s"), q);
		SpectralStack t = ImageJ1Views.toSpectralStack(TiffIO.open(q));
		assertEquals(2, t.depth());
		assertArrayEquals(e, t.energiesEv(), 0);
		assertEquals(DataState.TRANSMISSION, t.state());
		assertEquals(3f, t.plane(2, 1)[11], 0f);
	}

	@Test
	void viewsShareThePixels() {
		FrameStack s = FrameStack.allocate(8, 6, 3);
		Img<FloatType> img = ImageJ1Views.toImg(s);
		RandomAccess<FloatType> ra = img.randomAccess();
		ra.setPosition(new long[] { 5, 4, 2 });
		ra.get().set(42f);
		assertEquals(42f, s.pixels(2)[4 * 8 + 5], 0f);
		ImagePlus imp = ImageJ1Views.toImagePlus(s, "s");
		assertSame(s.pixels(1), imp.getStack().getPixels(2));
		assertSame(s.pixels(2), ImageJ1Views.toFrameStack(imp).pixels(2));
	}

	@Test
	void wrongFrameSizeIsNamed() {
		FrameStack s = new FrameStack(4, 4);
		TxmException e = assertThrows(TxmException.class, () -> s.add(new float[15], null));
		assertTrue(e.getMessage().contains("15 pixels, expected 4x4 = 16"), e.getMessage());
	}
}
