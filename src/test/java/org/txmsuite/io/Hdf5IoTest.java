package org.txmsuite.io;

import static org.junit.jupiter.api.Assertions.*;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/** HDF5: the real Data Exchange file, synthetic FXI files in the documented layout, round trips, bad files. */
class Hdf5IoTest {
	static final Path TOOTH = Path.of("test-images/io/tooth.h5");

	@TempDir
	Path dir;

	@Test
	void realDataExchangeTooth() {
		assertEquals(Hdf5Io.Layout.DATA_EXCHANGE, Hdf5Io.layout(TOOTH));
		FrameStack s = Hdf5Io.readDataExchange(TOOTH);
		assertEquals(640, s.width());
		assertEquals(2, s.height());
		assertEquals(181, s.indicesOf(FrameKind.SAMPLE).length);
		assertEquals(10, s.indicesOf(FrameKind.FLAT).length);
		assertEquals(10, s.indicesOf(FrameKind.DARK).length);
		double[] a = s.ofKind(FrameKind.SAMPLE).anglesDeg();
		assertEquals(0.0, a[0], 0);
		assertEquals(179.0, a[180], 0.01); // 181 angles over 180 degrees (step 180/181)
		assertEquals(180.0 / 181, a[1] - a[0], 1e-9);
		// value read by jHDF at /exchange/data[5, 1, 100] (checked once against a direct slab read)
		assertEquals(27901.5f, s.pixels(5)[640 + 100]);
		// flats are brighter than darks
		assertTrue(XradiaTest.mean(s.pixels(181)) > 2 * XradiaTest.mean(s.pixels(191)));
	}

	static short[][][] ramp(int n, int h, int w, int base) {
		short[][][] c = new short[n][h][w];
		for (int k = 0; k < n; k++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) c[k][y][x] = (short) (base + 100 * k + 10 * y + x);
		return c;
	}

	@Test
	void syntheticFxiTomography() {
		Path p = dir.resolve("fly_scan_id_1234.h5");
		try (WritableHdfFile f = HdfFile.write(p)) {
			f.putDataset("img_tomo", ramp(4, 3, 5, 1000));
			f.putDataset("img_bkg", ramp(2, 3, 5, 20000));
			f.putDataset("img_dark", ramp(1, 3, 5, 100));
			f.putDataset("img_bkg_avg", new float[1][3][5]);
			f.putDataset("angle", new double[] { -60, -20, 20, 60 });
			f.putDataset("X_eng", 8.333); // keV
			f.putDataset("Pixel Size", "21.7nm"); // the string form of one exporter
			f.putDataset("Magnification", 300.0);
			f.putDataset("note", "test");
		}
		assertEquals(Hdf5Io.Layout.FXI_TOMO, Hdf5Io.layout(p));
		FrameStack s = Hdf5Io.readFxi(p);
		assertEquals(7, s.size());
		assertEquals(5, s.width());
		assertEquals(3, s.height());
		assertEquals(DataState.RAW, s.state());
		assertEquals(21.7, s.pixelSizeNm(), 1e-12);
		assertEquals(4, s.indicesOf(FrameKind.SAMPLE).length);
		assertEquals(2, s.indicesOf(FrameKind.FLAT).length);
		assertEquals(1, s.indicesOf(FrameKind.DARK).length);
		assertArrayEquals(new double[] { -60, -20, 20, 60 }, s.ofKind(FrameKind.SAMPLE).anglesDeg());
		for (FrameInfo f : s.infos()) assertEquals(8333.0, f.energyEv(), 1e-9);
		assertEquals(1000 + 300 + 20 + 4, s.pixels(3)[2 * 5 + 4]);
		assertEquals(20000 + 100, s.pixels(5)[0]);
		assertEquals(FrameKind.DARK, s.info(6).kind());
	}

	@Test
	void h5pyWrittenUint16FxiReadsUnsigned() {
		FrameStack s = Hdf5Io.readFxi(Path.of("test-images/io/fxi_uint16_h5py.h5"));
		assertEquals(4, s.size());
		assertEquals(60000f, s.pixels(0)[0]); // above the int16 range: read as unsigned
		assertEquals(65535f, s.pixels(2)[14]);
		assertEquals(FrameKind.FLAT, s.info(2).kind());
		assertEquals(FrameKind.DARK, s.info(3).kind());
		assertEquals(90.0, s.info(1).angleDeg(), 0);
		assertEquals(8950.0, s.info(0).energyEv(), 1e-9);
		assertEquals(21.7, s.pixelSizeNm(), 1e-12);
	}

	@Test
	void syntheticFxiXanesIsFlaggedNormalized() {
		Path p = dir.resolve("xanes_scan2_id_77.h5");
		float[][][] img = new float[3][2][4];
		for (int k = 0; k < 3; k++) for (float[] row : img[k]) Arrays.fill(row, 0.5f + 0.1f * k);
		try (WritableHdfFile f = HdfFile.write(p)) {
			f.putDataset("img_xanes", img);
			f.putDataset("img_bkg", ramp(1, 2, 4, 30000));
			f.putDataset("img_dark", ramp(1, 2, 4, 100));
			f.putDataset("X_eng", new double[] { 8.30, 8.35, 8.40 });
			f.putDataset("Pixel Size", 32.5); // the numeric form (nm)
		}
		assertEquals(Hdf5Io.Layout.FXI_XANES, Hdf5Io.layout(p));
		FrameStack s = Hdf5Io.readFxi(p);
		assertEquals(DataState.TRANSMISSION, s.state());
		assertEquals(3, s.size(), "already normalized: no flats or darks come with it");
		assertArrayEquals(new double[] { 8300, 8350, 8400 }, s.energiesEv(), 1e-9);
		assertEquals(32.5, s.pixelSizeNm(), 0);
		assertEquals(0.7f, s.pixels(2)[7]);
	}

	@Test
	void dataExchangeRoundTripIsBitExact() {
		FrameStack s = new FrameStack(6, 4).pixelSizeNm(17.3).binning(2);
		java.util.Random r = new java.util.Random(3);
		for (int i = 0; i < 9; i++) {
			float[] px = new float[24];
			for (int j = 0; j < px.length; j++) px[j] = r.nextFloat() * 1000;
			FrameKind k = i == 0 ? FrameKind.DARK : i == 1 || i == 8 ? FrameKind.FLAT : FrameKind.SAMPLE;
			FrameInfo f = new FrameInfo(k, k == FrameKind.SAMPLE ? 0.1 * i : Double.NaN, 8333.1 + i, 0.3 + 0.01 * i);
			f.timeS(1.5 * i).name("frame " + i).position("Sample X", 0.1 * i);
			s.add(px, f);
		}
		Path p = dir.resolve("dx.h5");
		Hdf5Io.writeDataExchange(p, s);
		FrameStack t = Hdf5Io.readDataExchange(p);
		assertEquals(s.size(), t.size());
		assertEquals(17.3, t.pixelSizeNm(), 0);
		assertEquals(2, t.binning());
		for (int i = 0; i < s.size(); i++) {
			assertArrayEquals(s.pixels(i), t.pixels(i), "frame " + i);
			FrameInfo a = s.info(i), b = t.info(i);
			assertEquals(a.kind(), b.kind());
			assertEquals(a.angleDeg(), b.angleDeg(), 0);
			assertEquals(a.energyEv(), b.energyEv(), 0);
			assertEquals(a.exposureS(), b.exposureS(), 0);
			assertEquals(a.timeS(), b.timeS(), 0);
			assertEquals(a.positions(), b.positions());
		}
		// what TomoPy reads: data, white, dark and theta in degrees
		try (HdfFile f = new HdfFile(p)) {
			assertArrayEquals(new int[] { 6, 4, 6 }, f.getDatasetByPath("/exchange/data").getDimensions());
			assertArrayEquals(new int[] { 2, 4, 6 }, f.getDatasetByPath("/exchange/data_white").getDimensions());
			assertEquals("degrees", f.getDatasetByPath("/exchange/theta").getAttribute("units").getData());
		}
		FrameStack binned = Hdf5Io.readDataExchange(p, 2, Progress.NONE);
		assertEquals(3, binned.width());
		assertEquals(2, binned.height());
		assertEquals(34.6, binned.pixelSizeNm(), 1e-12);
		float[] a = s.pixels(4);
		assertEquals((a[0] + a[1] + a[6] + a[7]) / 4, binned.pixels(4)[0], 1e-4);
	}

	@Test
	void badHdf5FilesGiveClearErrors() throws Exception {
		Path txt = dir.resolve("x.h5");
		Files.writeString(txt, "not hdf5");
		TxmException e = assertThrows(TxmException.class, () -> Hdf5Io.readDataExchange(txt));
		assertTrue(e.getMessage().contains(txt.toString()) && e.getMessage().contains("not a readable HDF5"), e.getMessage());

		byte[] all = Files.readAllBytes(TOOTH);
		Path cut = dir.resolve("cut.h5");
		Files.write(cut, Arrays.copyOf(all, all.length / 3));
		e = assertThrows(TxmException.class, () -> Hdf5Io.readDataExchange(cut));
		assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());

		Path other = dir.resolve("other.h5");
		try (WritableHdfFile f = HdfFile.write(other)) {
			f.putDataset("something", new double[] { 1 });
		}
		e = assertThrows(TxmException.class, () -> Hdf5Io.read(other, 1, Progress.NONE));
		assertTrue(e.getMessage().contains("neither /exchange/data") && e.getMessage().contains("something"), e.getMessage());
		e = assertThrows(TxmException.class, () -> Hdf5Io.readFxi(other));
		assertTrue(e.getMessage().contains("not an FXI file"), e.getMessage());
	}
}
