package org.txmsuite.acquire;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.TxmException;

/** The SSRL file-name convention: our names round-trip, and real beamline names decode. */
class FrameNamesTest {

	@Test
	void ourNamesRoundTrip() {
		FrameName f = new FrameName(FrameKind.SAMPLE, "NMC_622-b", 3, 42, -89, 2, 1, 8324.5, 2, 5);
		String n = f.fileName();
		assertEquals("rep03_00042_NMC_622-b_-089.00_Degree_X02_Y01_08324.50_eV_002of005.xrm", n);
		FrameName d = FrameNames.decode("/data/run/" + n);
		assertEquals(FrameKind.SAMPLE, d.kind());
		assertEquals("NMC_622-b", d.sample());
		assertEquals(3, d.repeat());
		assertEquals(42, d.index());
		assertEquals(-89, d.angleDeg(), 0);
		assertEquals(2, d.tileX());
		assertEquals(1, d.tileY());
		assertEquals(8324.5, d.energyEv(), 0);
		assertEquals(2, d.exposure());
		assertEquals(5, d.exposures());
		assertEquals(n, d.fileName());

		FrameName ref = FrameNames.decode(new FrameName(FrameKind.FLAT, "S1", 1, 7, Double.NaN, -1, -1, 8333, 1, 3).fileName());
		assertEquals(FrameKind.FLAT, ref.kind());
		assertTrue(Double.isNaN(ref.angleDeg()));
		assertFalse(ref.isTile());
		assertEquals(8333, ref.energyEv(), 0);
		assertEquals("S1", ref.sample());

		FrameName dark = FrameNames.decode(new FrameName(FrameKind.DARK, "S1", 1, 0, Double.NaN, -1, -1, Double.NaN, 4, 10).fileName());
		assertEquals(FrameKind.DARK, dark.kind());
		assertTrue(Double.isNaN(dark.energyEv()), "00000.00 eV means no energy");
		assertEquals(4, dark.exposure());
	}

	@Test
	void realBeamlineNamesDecode() {
		// File names from SSRL 6-2c data sets published with Xanespy, dxchange and TXM studies.
		FrameName a = FrameNames.decode("rep01_000001_ref_201511202114_NCA_INSITU_OCV_FOV01_Ni_08250.0_eV_001of010.xrm");
		assertEquals(FrameKind.FLAT, a.kind());
		assertEquals(8250.0, a.energyEv(), 0);
		assertEquals("NCA_INSITU_OCV_FOV01_Ni", a.sample());
		assertEquals(10, a.exposures());

		FrameName b = FrameNames.decode("rep01_201502221044_NAT1050_Insitu03_p01_OCV_08250.0_eV_002of002.xrm");
		assertEquals(FrameKind.SAMPLE, b.kind());
		assertEquals("NAT1050_Insitu03_p01_OCV", b.sample());
		assertEquals(2, b.exposure());

		FrameName c = FrameNames.decode("rep01_04321_NMC_622_Charged_10C_RT_-089.00_Degree_08348.00_eV_001of001.xrm");
		assertEquals(-89, c.angleDeg(), 0);
		assertEquals(8348, c.energyEv(), 0);
		assertEquals(4321, c.index());

		FrameName d = FrameNames.decode("rep01_00091_brain2_-085.00_Degree_x01_y00_00000.00_eV_001of001.xrm");
		assertEquals(1, d.tileX());
		assertEquals(0, d.tileY());
		assertTrue(d.isTile());
		assertTrue(Double.isNaN(d.energyEv()));
		assertEquals("brain2", d.sample());

		FrameName e = FrameNames.decode("rep01_ref_00000_brain2_single_mosaic_00000.00_eV_001of003.xrm");
		assertEquals(FrameKind.FLAT, e.kind());
		assertEquals("brain2_single_mosaic", e.sample());

		assertEquals(0076.0, FrameNames.decode("rep01_02996_brain2_0076.00_Degree_x08_y00_00000.00_eV_001of001.xrm").angleDeg(), 0);
		assertEquals(8333, FrameNames.decode("Flat_8333eV.xrm").energyEv(), 0);
		assertEquals(FrameKind.FLAT, FrameNames.decode("Flat_8333eV.xrm").kind());
		assertEquals(FrameKind.DARK, FrameNames.decode("dark_0001.xrm").kind());
		assertEquals(FrameKind.SAMPLE, FrameNames.decode("refractory_grain_0001.xrm").kind());
	}

	@Test
	void sampleNamesThatWouldNotRoundTripAreRefused() {
		assertEquals("my-sample", FrameNames.checkSampleName("my sample"));
		TxmException x = assertThrows(TxmException.class, () -> FrameNames.checkSampleName("cell_ref_2"));
		assertTrue(x.getMessage().contains("'ref'"), x.getMessage());
		assertThrows(TxmException.class, () -> FrameNames.checkSampleName("a/b"));
		assertThrows(TxmException.class, () -> FrameNames.checkSampleName("cell_622"));
	}
}
