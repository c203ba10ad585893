package org.txmsuite.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;

/** Xradia .xrm/.txrm: the real sample files with their published values, write/read round trips, bad files. */
class XradiaTest {
	static final Path XRM = Path.of("test-images/io/test_chip00.xrm");
	static final Path TXRM = Path.of("test-images/io/txrm_test_chip_tomo.txrm");

	@TempDir
	Path dir;

	static double mean(float[] a) {
		double s = 0;
		for (float v : a) s += v;
		return s / a.length;
	}

	static float max(float[] a) {
		float m = Float.NEGATIVE_INFINITY;
		for (float v : a) m = Math.max(m, v);
		return m;
	}

	@Test
	void realXrmSingleImage() {
		FrameStack s = XradiaReader.read(XRM);
		assertEquals(512, s.width());
		assertEquals(512, s.height());
		assertEquals(1, s.size());
		try (XradiaFile f = XradiaFile.open(XRM)) {
			assertEquals(XradiaDataType.UINT16, f.dataType());
		}
		// published: mean 42.7, max 1117 (uint16 counts, so the max is exact)
		assertEquals(42.7, mean(s.pixels(0)), 0.05);
		assertEquals(1117f, max(s.pixels(0)));
		assertEquals(7191.05, s.info(0).energyEv(), 0.005);
		// PixelSize stream: 0.07789474 um (float32)
		assertEquals(77.895, s.pixelSizeNm(), 0.001);
		assertEquals(4, s.binning());
		assertEquals(39.88, s.info(0).exposureS(), 0.005);
		assertEquals(36, s.info(0).positions().size());
		assertEquals(715.36, s.info(0).positions().get("Sample X"), 0.01);
		FrameStack ref = XradiaReader.reference(XRM);
		assertNotNull(ref);
		assertEquals(FrameKind.FLAT, ref.info(0).kind());
		assertEquals(40.0, ref.info(0).exposureS(), 0);
		// the reference is a flat: brighter than the sample everywhere on average
		assertTrue(mean(ref.pixels(0)) > 5 * mean(s.pixels(0)), "reference mean " + mean(ref.pixels(0)));
	}

	@Test
	void realTxrmTomography() {
		FrameStack s = XradiaReader.read(TXRM);
		assertEquals(7, s.size());
		assertEquals(256, s.width());
		assertEquals(256, s.height());
		// angles -45..45 in 15 degree steps (stored with a -0.014 deg stage offset)
		for (int i = 0; i < 7; i++) assertEquals(-45 + 15 * i, s.info(i).angleDeg(), 0.02, "angle " + i);
		assertEquals(0.156, s.pixelSizeNm() / 1000, 0.0005);
		// Energy stream: 61 pre-allocated floats, only entry 0 set; the others come from the Energy motor axis
		for (int i = 0; i < 7; i++) assertEquals(9200.02, s.info(i).energyEv(), 0.01, "energy " + i);
		for (int i = 0; i < 7; i++) assertEquals(5.0, s.info(i).exposureS(), 0, "exposure " + i);
		assertEquals(51.0, s.info(6).timeS(), 0);
		assertEquals(8, s.binning());
		assertNull(XradiaReader.reference(TXRM));
	}

	@Test
	void xrmRoundTripUint16AndFloat() {
		int w = 37, h = 23;
		short[] raw = new short[w * h];
		for (int i = 0; i < raw.length; i++) raw[i] = (short) (i * 977 % 65536); // spans the signed range: masking matters
		FrameInfo info = new FrameInfo(FrameKind.SAMPLE, 12.5f, 8333.25f, 0.5f).position("Sample X", 1.25).position("Energy", 8333.25);
		Path p = dir.resolve("a_08333.3_eV.xrm");
		XradiaWriter.writeXrm(p, raw, w, h, info, 21.5);
		FrameStack s = XradiaReader.read(p);
		assertEquals(w, s.width());
		assertEquals(h, s.height());
		for (int i = 0; i < raw.length; i++) assertEquals(raw[i] & 0xFFFF, (int) s.pixels(0)[i]);
		FrameInfo r = s.info(0);
		assertEquals(12.5, r.angleDeg(), 0);
		assertEquals(8333.25, r.energyEv(), 0);
		assertEquals(0.5, r.exposureS(), 0);
		assertEquals(1.25, r.positions().get("Sample X"), 0);
		assertEquals(21.5, s.pixelSizeNm(), 0);
		try (XradiaFile f = XradiaFile.open(p)) {
			assertEquals(XradiaDataType.UINT16, f.dataType());
		}

		float[] fl = new float[w * h];
		for (int i = 0; i < fl.length; i++) fl[i] = (float) Math.sin(i * 0.37) * 1e-3f - 2.5f;
		Path q = dir.resolve("b.xrm");
		XradiaWriter.writeXrm(q, fl, w, h, info, 21.5);
		assertArrayEquals(fl, XradiaReader.read(q).pixels(0));
		try (XradiaFile f = XradiaFile.open(q)) {
			assertEquals(XradiaDataType.FLOAT32, f.dataType());
		}
	}

	@Test
	void txrmRoundTripOver100ImagesWithKindsAndReference() {
		int w = 8, h = 6, n = 205; // three ImageData storages
		FrameStack s = new FrameStack(w, h).pixelSizeNm(31.25).binning(2);
		for (int i = 0; i < n; i++) {
			float[] px = new float[w * h];
			for (int j = 0; j < px.length; j++) px[j] = (i * 31 + j * 7) % 4096;
			FrameKind k = i < 3 ? FrameKind.DARK : i < 10 ? FrameKind.FLAT : FrameKind.SAMPLE;
			s.add(px, new FrameInfo(k, i < 10 ? Double.NaN : -60 + 0.625 * i, 8000 + i, i < 10 ? 0.3 : 0.5).position("t", i * 0.5));
		}
		Path p = dir.resolve("series.txrm");
		float[] ref = new float[w * h];
		Arrays.fill(ref, 1000);
		XradiaWriter.writeTxrm(p, s, XradiaDataType.UINT16, ref);
		FrameStack r = XradiaReader.read(p);
		assertEquals(n, r.size());
		assertEquals(31.25, r.pixelSizeNm(), 0);
		assertEquals(2, r.binning());
		for (int i = 0; i < n; i++) {
			assertArrayEquals(s.pixels(i), r.pixels(i), "frame " + i);
			assertEquals(s.info(i).kind(), r.info(i).kind());
			assertEquals(s.info(i).angleDeg(), r.info(i).angleDeg(), 0);
			assertEquals(s.info(i).energyEv(), r.info(i).energyEv(), 0);
			assertEquals((float) s.info(i).exposureS(), r.info(i).exposureS(), 0);
			assertEquals(s.info(i).positions(), r.info(i).positions());
		}
		assertArrayEquals(ref, XradiaReader.reference(p).pixels(0));
		// float data that is not integral is written as float32 automatically
		s.pixels(20)[0] = 0.5f;
		Path q = dir.resolve("f.txrm");
		XradiaWriter.writeTxrm(q, s);
		assertEquals(0.5f, XradiaReader.read(q).pixels(20)[0]);
	}

	@Test
	void binnedReadAverages() {
		FrameStack full = XradiaReader.read(TXRM);
		FrameStack b = XradiaReader.read(TXRM, 4, org.txmsuite.core.Progress.NONE);
		assertEquals(64, b.width());
		assertEquals(64, b.height());
		assertEquals(7, b.size());
		assertEquals(full.pixelSizeNm() * 4, b.pixelSizeNm(), 1e-9);
		assertEquals(32, b.binning());
		float[] f = full.pixels(3);
		double s = 0;
		for (int y = 40; y < 44; y++) for (int x = 20; x < 24; x++) s += f[y * 256 + x];
		assertEquals(s / 16, b.pixels(3)[10 * 64 + 5], 1e-4);
		assertEquals(mean(f), mean(b.pixels(3)), 1e-3);
	}

	@Test
	void caseDifferencesInStreamNamesAreAccepted() throws Exception {
		Path p = dir.resolve("lower.xrm");
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(p)) {
			DirectoryEntry info = fs.getRoot().createDirectory("imageinfo");
			info.createDocument("IMAGEWIDTH", new ByteArrayInputStream(le(2)));
			info.createDocument("imageheight", new ByteArrayInputStream(le(1)));
			info.createDocument("datatype", new ByteArrayInputStream(le(5)));
			fs.getRoot().createDirectory("imagedata1").createDocument("image1", new ByteArrayInputStream(new byte[] { 1, 0, (byte) 0xFF, (byte) 0xFF }));
			fs.writeFilesystem(out);
		}
		assertArrayEquals(new float[] { 1, 65535 }, XradiaReader.read(p).pixels(0));
	}

	@Test
	void mosaicIsOneStitchedImageAlthoughNoOfImagesCountsTiles() throws Exception {
		Path p = dir.resolve("mosaic.xrm");
		short[] px = new short[6 * 4];
		for (int i = 0; i < px.length; i++) px[i] = (short) i;
		XradiaWriter.writeXrm(p, px, 6, 4, new FrameInfo(FrameKind.SAMPLE, 0, 8000, 1), 50);
		Path m = rewrite(rewrite(rewrite(rewrite(p, "ImageInfo", "NoOfImages", le(4), dir.resolve("m1.xrm")),
			"ImageInfo", "MosiacMode", le(1), dir.resolve("m2.xrm")), "ImageInfo", "MosiacRows", le(2), dir.resolve("m3.xrm")),
			"ImageInfo", "MosiacColumns", le(2), dir.resolve("m4.xrm"));
		try (XradiaFile f = XradiaFile.open(m)) {
			assertTrue(f.isMosaic());
			assertEquals(4, f.declaredCount());
			assertEquals(1, f.size());
			assertEquals(2, f.mosaicRows());
		}
		FrameStack s = XradiaReader.read(m);
		assertEquals(1, s.size());
		assertEquals(23f, s.pixels(0)[23]);
	}

	static byte[] le(int v) {
		return java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(v).array();
	}

	String failure(Path p) {
		TxmException e = assertThrows(TxmException.class, () -> XradiaReader.read(p));
		assertTrue(e.getMessage().contains(p.toString()), "message must name the file: " + e.getMessage());
		return e.getMessage();
	}

	@Test
	void badFilesGiveClearErrors() throws Exception {
		// not OLE2 at all
		Path txt = dir.resolve("notes.xrm");
		Files.writeString(txt, "this is not an xrm file");
		assertTrue(failure(txt).contains("OLE2"), failure(txt));

		// OLE2 without ImageData (the truncation seen in the wild)
		Path noData = dir.resolve("nodata.xrm");
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(noData)) {
			DirectoryEntry info = fs.getRoot().createDirectory("ImageInfo");
			info.createDocument("ImageWidth", new ByteArrayInputStream(le(4)));
			info.createDocument("ImageHeight", new ByteArrayInputStream(le(4)));
			fs.writeFilesystem(out);
		}
		assertTrue(failure(noData).contains("ImageData1/Image1 is missing"), failure(noData));

		// wrong DataType: not in the enum, and one whose size does not fit the stream
		Path ok = dir.resolve("ok.xrm");
		XradiaWriter.writeXrm(ok, new short[16], 4, 4, new FrameInfo(), 10);
		Path badType = rewrite(ok, "ImageInfo", "DataType", le(42), dir.resolve("badtype.xrm"));
		assertTrue(failure(badType).contains("DataType 42 is not an Xradia data type"), failure(badType));
		Path floatType = rewrite(ok, "ImageInfo", "DataType", le(10), dir.resolve("floattype.xrm"));
		assertTrue(failure(floatType).contains("holds 32 bytes but 4x4 pixels of float32 need 64"), failure(floatType));

		// short image stream
		Path shortStream = rewrite(ok, "ImageData1", "Image1", new byte[10], dir.resolve("short.xrm"));
		assertTrue(failure(shortStream).contains("truncated"), failure(shortStream));

		// a real file cut in half
		byte[] all = Files.readAllBytes(TXRM);
		Path cut = dir.resolve("cut.txrm");
		Files.write(cut, Arrays.copyOf(all, all.length / 2));
		assertTrue(failure(cut).contains("truncated or corrupt"), failure(cut));

		// a file that does not exist
		assertTrue(failure(dir.resolve("missing.xrm")).contains("not found"));
	}

	/** A copy of an OLE2 file with one stream replaced. */
	static Path rewrite(Path src, String dirName, String stream, byte[] content, Path dst) throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem(src.toFile(), false)) {
			DirectoryEntry d = (DirectoryEntry) fs.getRoot().getEntry(dirName);
			d.getEntry(stream).delete();
			d.createDocument(stream, new ByteArrayInputStream(content));
			try (OutputStream out = Files.newOutputStream(dst)) {
				fs.writeFilesystem(out);
			}
		}
		return dst;
	}
}
