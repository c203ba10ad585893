package org.txmsuite.acquire;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.txmsuite.acquire.MacroCommand.Kind;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.TxmException;

/** Scan plans to macros: exact sequences, DAC windows, XANES energies and focus, mosaics, round trip, refusals. */
class ScanGeneratorTest {

	static ScanPlan smallTomo() {
		ScanPlan p = new ScanPlan();
		p.sampleName = "S";
		p.angleStart = 0;
		p.angleEnd = 11;
		p.angleStep = 1;
		p.refsEvery = 10;
		p.refExposures = 2;
		p.exposureS = 0.5;
		p.refExposureS = 0.3;
		p.refXUm = 500;
		p.energies = new double[] { 8333 };
		return p;
	}

	@Test
	void tomographyWithReferencesEveryTenAnglesGivesTheExpectedSequence() {
		String expected =
			"setbinning 1\n"
			+ "sete 8333\n"
			+ "moveto t 0\n"
			+ "moveto x 0\n"
			+ "moveto y 0\n"
			+ "setexp 0.5\n"
			+ "collect rep01_00000_S_0000.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 1\n"
			+ "collect rep01_00001_S_0001.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 2\n"
			+ "collect rep01_00002_S_0002.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 3\n"
			+ "collect rep01_00003_S_0003.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 4\n"
			+ "collect rep01_00004_S_0004.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 5\n"
			+ "collect rep01_00005_S_0005.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 6\n"
			+ "collect rep01_00006_S_0006.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 7\n"
			+ "collect rep01_00007_S_0007.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 8\n"
			+ "collect rep01_00008_S_0008.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 9\n"
			+ "collect rep01_00009_S_0009.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto x 500\n"
			+ "setexp 0.3\n"
			+ "collect rep01_ref_00010_S_08333.00_eV_001of002.xrm\n"
			+ "collect rep01_ref_00011_S_08333.00_eV_002of002.xrm\n"
			+ "moveto t 10\n"
			+ "moveto x 0\n"
			+ "setexp 0.5\n"
			+ "collect rep01_00012_S_0010.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 11\n"
			+ "collect rep01_00013_S_0011.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto x 500\n"
			+ "setexp 0.3\n"
			+ "collect rep01_ref_00014_S_08333.00_eV_001of002.xrm\n"
			+ "collect rep01_ref_00015_S_08333.00_eV_002of002.xrm\n";
		ScanProgram prog = ScanGenerator.generate(smallTomo());
		StringBuilder got = new StringBuilder();
		for (MacroCommand c : prog.commands()) got.append(c.toMacroLine()).append('\n');
		assertEquals(expected, got.toString());
		// Estimate: 12 x (0.5 + 0.1) s samples, 4 x (0.3 + 0.1) s references, 11 one-degree rotations at 20 deg/s,
		// 3 x 500 um stage moves at 100 um/s, 0.2 s settle per move, 1 s energy settle.
		double s = 12 * 0.6 + 4 * 0.4 + 11 * (1 / 20.0) + 3 * 5 + 17 * 0.2 + 1.0;
		assertEquals(s, prog.estimate().seconds, 1e-9);
		assertEquals(16, prog.estimate().collects);
		assertEquals(4, prog.estimate().references);
		assertEquals(12, prog.estimate().angles);
	}

	@Test
	void roundTripReproducesMovesAndCollections() {
		ScanPlan p = smallTomo();
		p.type = ScanType.XANES3D;
		p.energies = EnergyRegions.parse("8320:8340:10");
		p.zpCalibration = ZonePlateCalibration.parse("8300:-1000:10,8400:-1100:12");
		p.backlashEv = 3;
		p.energyWaitS = 2;
		p.darks = 2;
		p.abba = true;
		p.repeats = 2;
		p.repeatWaitS = 60;
		p.exposuresPerPosition = 2;
		p.binning = 2;
		ScanProgram prog = ScanGenerator.generate(p);
		MacroScript back = MacroParser.parse(prog.macroText());
		assertEquals(prog.commands().size(), back.commands().size());
		for (int i = 0; i < back.commands().size(); i++)
			assertTrue(prog.commands().get(i).sameAs(back.commands().get(i)), i + ": " + back.commands().get(i));
		assertEquals(prog.estimate().toString(), ScanEstimate.of(back.commands(), back.lines(), p.timing).toString());
		assertEquals(prog.estimate().lines, back.lines());
		// every collected name decodes to what the generator meant
		int i = 0;
		for (MacroCommand c : back.commands()) {
			if (c.kind() != Kind.COLLECT) continue;
			FrameName want = prog.frames().get(i++), got = FrameNames.decode(c.file());
			assertEquals(want.kind(), got.kind());
			assertEquals(want.repeat(), got.repeat());
			assertEquals(want.energyEv(), got.energyEv(), 1e-9);
			assertEquals(want.angleDeg(), got.angleDeg(), 1e-9);
		}
		assertEquals(prog.frames().size(), i);
	}

	@Test
	void anglesRespectBlockedDacWindows() {
		double[] four = AngleSets.angles(-90, 90, 1, 0, AngleSets.windows("four-post", null));
		assertEquals(77 + 77, four.length);
		for (double a : four) assertTrue(Math.abs(a) >= 7 && Math.abs(a) <= 83, "blocked angle " + a);
		// total open range ~152 deg, the two windows' centres (-45, +45) 90 deg apart
		assertEquals(152, 2 * (83 - 7), 0);
		double[] two = AngleSets.angles(-90, 90, 0.5, 0, AngleSets.windows("two-post", null));
		assertEquals(-67.5, two[0], 0);
		assertEquals(67.5, two[two.length - 1], 0);
		assertEquals(271, two.length);
		double[] custom = AngleSets.angles(0, 180, 0, 181, AngleSets.windows("custom windows", "10:20,100:100.5"));
		assertEquals(11 + 1, custom.length);

		ScanPlan p = smallTomo();
		p.angleStart = -90;
		p.angleEnd = 90;
		p.angleWindows = AngleSets.windows("four-post", null);
		for (MacroCommand c : ScanGenerator.generate(p).commands())
			if (c.kind() == Kind.MOVE && c.axis().equals("t")) assertTrue(AngleSets.inside(c.value(), p.angleWindows), c.toString());
	}

	@Test
	void xanesEnergiesAndZonePlateFollowTheCalibration() {
		ScanPlan p = new ScanPlan();
		p.type = ScanType.XANES2D;
		p.energies = EnergyRegions.parse("8200:8320:5,8320:8360:0.5,8360:8500:5");
		assertEquals(25 + 80 + 28, p.energies.length);
		assertEquals(8320.5, p.energies[25], 0);
		// zpz in um at three measured foci; zpx drifts slightly
		p.zpCalibration = ZonePlateCalibration.parse("8200:-1000:5,8350:-1250:6,8500:-1500:9");
		p.energyWaitS = 1;
		List<Double> energies = new ArrayList<>();
		double energy = Double.NaN;
		int zpMoves = 0;
		for (MacroCommand c : ScanGenerator.generate(p).commands()) {
			if (c.kind() == Kind.SET_ENERGY) {
				energy = c.value();
				energies.add(energy);
			}
			if (c.kind() == Kind.MOVE && c.axis().equals("zpz")) {
				double want = energy <= 8350 ? -1000 - 250 * (energy - 8200) / 150 : -1250 - 250 * (energy - 8350) / 150;
				assertEquals(want, c.value(), 0.0005, "zpz at " + energy);
				zpMoves++;
			}
			if (c.kind() == Kind.MOVE && c.axis().equals("zpx")) {
				double want = energy <= 8350 ? 5 + (energy - 8200) / 150 : 6 + 3 * (energy - 8350) / 150;
				assertEquals(want, c.value(), 0.0005, "zpx at " + energy);
			}
		}
		assertEquals(p.energies.length, energies.size());
		assertEquals(p.energies.length, zpMoves);
		for (int i = 0; i < energies.size(); i++) assertEquals(p.energies[i], energies.get(i), 0);
	}

	@Test
	void energiesAreApproachedFromBelowAndAbbaSharesStageMoves() {
		ScanPlan p = new ScanPlan();
		p.type = ScanType.XANES2D;
		p.energies = new double[] { 8300, 8310, 8320 };
		p.backlashEv = 2;
		p.refsEvery = 1;
		p.abba = true;
		p.refXUm = 300;
		p.repeats = 2;
		List<String> lines = new ArrayList<>();
		StringBuilder kinds = new StringBuilder();
		for (MacroCommand c : ScanGenerator.generate(p).commands()) {
			lines.add(c.toMacroLine());
			if (c.kind() == Kind.COLLECT) kinds.append(FrameNames.decode(c.file()).kind() == FrameKind.FLAT ? 'R' : 'S');
		}
		assertEquals("SRRSSR" + "SRRSSR", kinds.toString());
		// first energy and the return from 8320 to 8300 at the second repeat go 2 eV below first
		assertEquals(2, lines.stream().filter("sete 8298"::equals).count());
		assertEquals(lines.indexOf("sete 8298") + 1, lines.indexOf("sete 8300"));
		assertFalse(lines.contains("sete 8308"));
		// x moves: in, out, (R R at two energies share one trip), in, out ... : 4 crossings per repeat
		assertEquals(1 + 3 + 4, lines.stream().filter(l -> l.startsWith("moveto x")).count());
	}

	@Test
	void mosaicTilesCoverTheAreaWithTheRequestedOverlap() {
		double fov = 36, overlap = 0.15, w = 100, h = 60, cx = 10, cy = -20;
		List<MosaicTiles.Tile> tiles = MosaicTiles.grid(cx, cy, w, h, fov, overlap);
		double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
		for (MosaicTiles.Tile t : tiles) {
			minX = Math.min(minX, t.x);
			maxX = Math.max(maxX, t.x);
			minY = Math.min(minY, t.y);
			maxY = Math.max(maxY, t.y);
		}
		assertTrue(minX - fov / 2 <= cx - w / 2 && maxX + fov / 2 >= cx + w / 2, "width covered");
		assertTrue(minY - fov / 2 <= cy - h / 2 && maxY + fov / 2 >= cy + h / 2, "height covered");
		assertEquals(cx, (minX + maxX) / 2, 1e-9);
		assertEquals(5 * 3, tiles.size());
		// neighbours in a row overlap by exactly overlap x fov
		for (int i = 1; i < tiles.size(); i++) {
			MosaicTiles.Tile a = tiles.get(i - 1), b = tiles.get(i);
			if (a.row == b.row) assertEquals(overlap * fov, fov - Math.abs(b.x - a.x), 1e-3);
		}
		ScanPlan p = new ScanPlan();
		p.type = ScanType.MOSAIC;
		p.mosaicWidthUm = w;
		p.mosaicHeightUm = h;
		p.sampleXUm = cx;
		p.sampleYUm = cy;
		ScanProgram prog = ScanGenerator.generate(p);
		assertEquals(15, prog.frames().size());
		assertTrue(prog.scanInfoText().contains("MOSAICLEFT 2\nMOSAICRIGHT 2\nMOSAICOVERLAP 15\nMOSAICCENTRALFILE 1\n"), prog.scanInfoText());
		assertTrue(prog.frames().get(7).fileName().contains("_X03_Y02_"), prog.frames().get(7).fileName());
	}

	@Test
	void invalidPlansFailWithAClearMessage() {
		refused(p -> p.angleEnd = -5, "angle_end (-5 deg) must be greater than angle_start (0 deg)");
		refused(p -> p.angleStep = 0, "angle_step is 0 deg");
		refused(p -> p.exposureS = 0, "exposure_s is 0.0");
		refused(p -> p.refExposureS = -1, "ref_exposure_s is -1.0");
		refused(p -> p.zpCalibration = ZonePlateCalibration.parse("8000:1,8300:2"), "energy 8333 eV is outside the zone-plate calibration");
		refused(p -> {
			p.angleStep = 0.001;
			p.angleEnd = 120;
		}, "the plan collects at least 120001 frames, more than 100000; set confirm_large=true");
		refused(p -> p.refXUm = 0, "equal the sample position");
		ScanPlan big = smallTomo();
		big.angleStep = 0.001;
		big.angleEnd = 120;
		big.confirmLarge = true;
		assertTrue(ScanGenerator.generate(big).frames().size() > 100_000);
	}

	private static void refused(java.util.function.Consumer<ScanPlan> change, String message) {
		ScanPlan p = smallTomo();
		change.accept(p);
		TxmException e = assertThrows(TxmException.class, () -> ScanGenerator.generate(p));
		assertTrue(e.getMessage().contains(message), e.getMessage());
	}
}
