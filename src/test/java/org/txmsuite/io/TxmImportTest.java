package org.txmsuite.io;

import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.core.TxmException;
import org.txmsuite.testing.LauncherTest;

/** The import entry point: ScanInfo grouping and averaging, folders, lazy stacks, the headless command. */
class TxmImportTest extends LauncherTest {
	@TempDir
	Path dir;

	/** Writes a 4x3 uint16 .xrm whose pixels are all {@code value}; the header energy is left 0 (as at SSRL). */
	Path xrm(String name, int value, double exposure) {
		short[] px = new short[12];
		Arrays.fill(px, (short) value);
		Path p = dir.resolve(name);
		XradiaWriter.writeXrm(p, px, 4, 3, new FrameInfo(FrameKind.SAMPLE, 0, Double.NaN, exposure), 30);
		return p;
	}

	@Test
	void scanInfoAbbaGroupsAndAveragesAsDeclared() throws Exception {
		List<String> files = new ArrayList<>();
		// ABBA: references, samples at E1, samples at E2, references; 3 reference and 2 sample exposures each
		for (int i = 0; i < 3; i++) files.add(xrm(String.format("ref_Cell_08250.0_eV_%03dof003.xrm", i), 1000 + 10 * i, 0.3).getFileName().toString());
		for (int i = 0; i < 2; i++) files.add(xrm(String.format("Cell_fov0_08250.0_eV_%03dof002.xrm", i), 500 + 100 * i, 0.5).getFileName().toString());
		for (int i = 0; i < 2; i++) files.add(xrm(String.format("Cell_fov0_08260.5_eV_%03dof002.xrm", i), 400 + 100 * i, 0.5).getFileName().toString());
		for (int i = 0; i < 3; i++) files.add(xrm(String.format("ref_Cell_08260.5_eV_%03dof003.xrm", i), 2000 + 10 * i, 0.3).getFileName().toString());
		Path info = dir.resolve("ScanInfo_Cell.txt");
		Files.writeString(info, "VERSION 1\nENERGY 1\nTOMO 0\nMOSAIC 0\nMULTIEXPOSURE 4\nNREPEATSCAN   1\nWAITNSECS   0\n"
			+ "NEXPOSURES   2\nAVERAGEONTHEFLY   0\nREFNEXPOSURES  3\nREF4EVERYEXPOSURES   2\nREFABBA 1\n"
			+ "REFAVERAGEONTHEFLY 0\nMOSAICUP   1\nMOSAICDOWN   1\nMOSAICLEFT   1\nMOSAICRIGHT   1\nMOSAICOVERLAP 0.20\n"
			+ "MOSAICCENTRALTILE   1\nFILES\n" + String.join("\n", files) + "\n");
		ScanInfo si = ScanInfo.read(info);
		assertTrue(si.abba());
		assertTrue(si.mosaicCentralTile());
		assertEquals(2, si.nExposures());
		assertEquals(3, si.refNExposures());

		FrameStack s = TxmImport.open(info);
		assertEquals(4, s.size());
		assertEquals(List.of(FrameKind.FLAT, FrameKind.SAMPLE, FrameKind.SAMPLE, FrameKind.FLAT),
			s.infos().stream().map(FrameInfo::kind).collect(java.util.stream.Collectors.toList()));
		assertEquals(1010f, s.pixels(0)[5]); // mean of 1000, 1010, 1020
		assertEquals(550f, s.pixels(1)[0]);
		assertEquals(450f, s.pixels(2)[11]);
		assertEquals(2010f, s.pixels(3)[0]);
		// stored energy is 0: taken from the file names
		assertArrayEquals(new double[] { 8250, 8250, 8260.5, 8260.5 }, s.energiesEv(), 1e-9);
		assertEquals(0.3, s.info(0).exposureS(), 1e-7);
		assertEquals(0.5, s.info(1).exposureS(), 1e-7);
		assertEquals(30, s.pixelSizeNm(), 0);

		// every exposure kept when asked
		FrameStack all = TxmImport.open(info, new TxmImport.Options().averageRepeats(false), org.txmsuite.core.Progress.NONE);
		assertEquals(10, all.size());

		// a group that does not match the declaration is an error naming it
		Files.writeString(info, Files.readString(info).replace("REFNEXPOSURES  3", "REFNEXPOSURES  2"));
		TxmException e = assertThrows(TxmException.class, () -> TxmImport.open(info));
		assertTrue(e.getMessage().contains("ref_Cell_08250.0_eV_000of003.xrm has 3 exposures"), e.getMessage());
		// a listed file that is missing
		Files.delete(dir.resolve(files.get(4)));
		e = assertThrows(TxmException.class, () -> TxmImport.open(info));
		assertTrue(e.getMessage().contains(files.get(4)), e.getMessage());
	}

	@Test
	void folderOfXrmFramesKeepsEveryFrame() {
		xrm("s_-30.00_Degree_08333.0_eV.xrm", 7, 1);
		xrm("s_30.00_Degree_08333.0_eV.xrm", 9, 1);
		xrm("ref_08333.0_eV.xrm", 100, 1);
		FrameStack s = TxmImport.open(dir);
		assertEquals(3, s.size());
		assertEquals(FrameKind.FLAT, s.info(0).kind());
		assertEquals(8333.0, s.info(2).energyEv(), 0);
	}

	@Test
	void xrmImportAppendsEmbeddedReferenceAsFlat() {
		FrameStack s = TxmImport.open(XradiaTest.XRM);
		assertEquals(2, s.size());
		assertEquals(FrameKind.SAMPLE, s.info(0).kind());
		assertEquals(FrameKind.FLAT, s.info(1).kind());
		FrameStack b = TxmImport.open(XradiaTest.XRM, new TxmImport.Options().bin(2).includeReference(false), org.txmsuite.core.Progress.NONE);
		assertEquals(1, b.size());
		assertEquals(256, b.width());
		assertEquals(42.7, XradiaTest.mean(b.pixels(0)), 0.05); // binning keeps the mean
	}

	@Test
	void virtualStackReadsFramesOnDemand() {
		ImagePlus imp = XradiaVirtualStack.open(XradiaTest.TXRM, 2);
		assertTrue(imp.getStack().isVirtual());
		assertEquals(7, imp.getStackSize());
		assertEquals(128, imp.getWidth());
		FrameStack full = XradiaReader.read(XradiaTest.TXRM);
		float[] v = (float[]) imp.getStack().getProcessor(4).getPixels();
		assertArrayEquals(Binning.bin(full.pixels(3), 256, 256, 2), v);
		FrameStack meta = ImageJ1Views.toFrameStack(imp);
		assertEquals(15.0, meta.info(4).angleDeg(), 0.02);
		assertEquals(full.pixelSizeNm() * 2, meta.pixelSizeNm(), 1e-9);
		((XradiaVirtualStack) imp.getStack()).close();
	}

	@Test
	void imageFilesOpensTxmFormats() {
		ImagePlus imp = ImageFiles.open(XradiaTest.TXRM);
		assertEquals(7, imp.getStackSize());
		assertEquals(-45, ImageJ1Views.toFrameStack(imp).info(0).angleDeg(), 0.02);
		assertEquals(201, ImageFiles.open(Hdf5IoTest.TOOTH).getStackSize());
	}

	@Test
	void headlessImportWritesStackAndFrameTable() throws Exception {
		Path o = dir.resolve("out");
		assertEquals(0, txm("run", "Import TXM Data", "path=\"" + XradiaTest.TXRM.toAbsolutePath() + "\"", "--out", o.toString()),
			err());
		List<String> csv = Files.readAllLines(o.resolve("frames.csv"));
		assertEquals("index,kind,angle_deg,energy_ev,exposure_s", csv.get(0));
		assertEquals(8, csv.size());
		String[] first = csv.get(1).split(",");
		assertEquals("sample", first[1]);
		assertEquals(-45.018, Double.parseDouble(first[2]), 1e-3);
		assertEquals(9200.02, Double.parseDouble(first[3]), 1e-2);
		assertEquals(5.0, Double.parseDouble(first[4]), 0);
		FrameStack s = TiffIO.openFrames(o.resolve("stack.tif"));
		assertEquals(7, s.size());
		assertEquals(155.789, s.pixelSizeNm(), 1e-3);
		assertEquals(XradiaReader.read(XradiaTest.TXRM).pixels(6)[1000], s.pixels(6)[1000]);
		// the next command takes the written stack
		Path o2 = dir.resolve("out2");
		assertEquals(0, txm("run", "Frame Table", "input=\"" + o.resolve("stack.tif") + "\"", "--out", o2.toString()));
		assertEquals(csv, Files.readAllLines(o2.resolve("frames.csv")));
		// the embedded reference of an .xrm comes out as a flat
		Path o3 = dir.resolve("out3");
		assertEquals(0, txm("run", "Import TXM Data", "path=\"" + XradiaTest.XRM.toAbsolutePath() + "\",binning=2", "--out", o3.toString()));
		List<String> csv3 = Files.readAllLines(o3.resolve("frames.csv"));
		assertTrue(csv3.get(2).startsWith("1,flat,"), csv3.get(2));
		assertEquals(256, TiffIO.open(o3.resolve("stack.tif")).getWidth());
	}

	@Test
	void headlessImportOfCorruptFileFailsClearly() throws Exception {
		Path bad = dir.resolve("bad.txrm");
		Files.write(bad, Arrays.copyOf(Files.readAllBytes(XradiaTest.TXRM), 5000));
		Path o = dir.resolve("out");
		assertEquals(1, txm("run", "Import TXM Data", "path=\"" + bad + "\"", "--out", o.toString()));
		String msg = err();
		assertTrue(msg.contains("bad.txrm") && msg.contains("truncated or corrupt"), msg);
		assertFalse(Files.exists(o.resolve("stack.tif")));
	}
}
