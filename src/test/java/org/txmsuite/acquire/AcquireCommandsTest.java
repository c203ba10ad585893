package org.txmsuite.acquire;

import static org.junit.jupiter.api.Assertions.*;

import ij.macro.Interpreter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.cli.MacroBridge;
import org.txmsuite.core.TxmException;
import org.txmsuite.testing.TestContext;
import org.txmsuite.testing.LauncherTest;

/** The two commands headless and from an ImageJ macro, and the sample macros of every variant. */
class AcquireCommandsTest extends LauncherTest {
	static final Path MACROS = Path.of("test-images/macros");

	@TempDir
	Path dir;


	static final String PLAN = "scan_type=xanes3d,sample_name=\"DAC_Pt\",angle_start=-90,angle_end=90,angle_step=15,dac=\"two-post\","
		+ "energies=\"11500:11560:20\",zp_calibration=\"11400:-2000,11600:-2100\",exposure_s=0.5,ref_exposure_s=0.3,refs_every=5,"
		+ "ref_x_um=800,abba=true,darks=3,backlash_ev=2,energy_wait_s=1";

	@Test
	void checkScanMacroWritesTheSummaryHeadless() throws Exception {
		Path out1 = dir.resolve("out");
		assertEquals(0, txm("run", "Check Scan Macro", "macro=\"" + MACROS.resolve("ssrl_xanes2d.txt") + "\"", "--out", out1.toString()), err());
		List<String> csv = Files.readAllLines(out1.resolve("summary.csv"));
		assertEquals("lines,moves,collects,references,energies,angles,estimated_seconds", csv.get(0));
		// 27 lines; moves: 2 sete + 2 zpz + 3 x + 1 y; 10 collects of which 6 references; 2 energies; no rotation.
		// seconds: 4 x (0.5+0.1) + 6 x (0.3+0.1) frames, 2 waits, energy 1 s + (1 + 13/20) s, zpz 0.2 + (0.2 + 5.71/200),
		// x 0.2 + 2 x (0.2 + 1000/100), y 0.2
		double s = 4 * 0.6 + 6 * 0.4 + 4 + 1 + 1 + 13 / 20.0 + 0.2 + 0.2 + 5.71 / 200 + 0.2 + 2 * (0.2 + 10) + 0.2;
		assertEquals("27,8,10,6,2,0," + org.txmsuite.core.MetadataCodec.num(Math.round(s * 10) / 10.0), csv.get(1));
	}

	@Test
	void parserReadsEveryVariantAndReportsTheBadLine() {
		ScanEstimate alba = ScanEstimate.of(MacroParser.parse(MACROS.resolve("alba_mixed_case_crlf.txt")).commands(), 14, new TimingModel());
		assertEquals(5, alba.moves);
		assertEquals(2, alba.collects);
		assertEquals(2, alba.energies);
		assertEquals(14, MacroParser.parse(MACROS.resolve("alba_mixed_case_crlf.txt")).lines());
		MacroScript aps = MacroParser.parse(MACROS.resolve("aps_tomo.txt"));
		ScanEstimate a = ScanEstimate.of(aps.commands(), aps.lines(), new TimingModel());
		assertEquals(8, a.collects);
		assertEquals(2, a.references);
		assertEquals(1, a.darks);
		assertEquals(5, a.angles);
		assertEquals(8, a.moves);
		TxmException e = assertThrows(TxmException.class, () -> MacroParser.parse(MACROS.resolve("bad_line.txt")));
		assertTrue(e.getMessage().startsWith("line 5: 'moveto' is incomplete"), e.getMessage());

		Path outDir = dir.resolve("bad");
		assertEquals(1, txm("run", "Check Scan Macro", "macro=\"" + MACROS.resolve("bad_line.txt") + "\"", "--out", outDir.toString()));
		assertTrue(err().contains("line 5: "), err());
		assertFalse(Files.exists(outDir.resolve("summary.csv")));
	}

	@Test
	void buildScanMacroHeadlessAndFromAnImageJMacroGiveTheSameMacro() throws Exception {
		Path cli = dir.resolve("cli");
		assertEquals(0, txm("run", "Build Scan Macro", PLAN, "--out", cli.toString()), err());
		String macro = Files.readString(cli.resolve("macro.txt"));
		String info = Files.readString(cli.resolve("scan_info.txt"));
		assertTrue(macro.startsWith(";; TXM Suite scan macro"), macro);
		assertTrue(info.startsWith("VERSION 1\nENERGY 1\nTOMO 2\n"), info);
		// two-post DAC: -60..60 in 15 deg steps = 9 angles, 4 energies
		ScanEstimate e = ScanEstimate.of(MacroParser.parse(macro).commands(), 0, new TimingModel());
		assertEquals(9, e.angles);
		assertEquals(4, e.energies);
		assertEquals(36 + 3, e.collects - e.references);

		// The same call from an ImageJ 1.x macro (the form the macro recorder writes), saved into a folder.
		assertTrue(MacroBridge.install(TestContext.get()));
		Path saved = dir.resolve("saved");
		Files.createDirectories(saved);
		String args = PLAN.replace("\"", "").replace(',', ' ').replace("zp_calibration=11400:-2000 11600:-2100", "zp_calibration=[11400:-2000,11600:-2100]")
			.replace("energies=11500:11560:20", "energies=[11500:11560:20]") + " save_to=[" + saved + "]";
		new Interpreter().run("run(\"Build Scan Macro\", \"" + args + "\");", null);
		assertEquals(macro, Files.readString(saved.resolve("DAC_Pt_macro.txt")));
		assertEquals(info, Files.readString(saved.resolve("ScanInfo_DAC_Pt.txt")));
	}

	@Test
	void invalidPlansWriteNothing() throws Exception {
		Path o = dir.resolve("o");
		Files.createDirectories(o);
		String[][] bad = { { "angle_start=10,angle_end=0", "angle_end (0 deg) must be greater than angle_start (10 deg)" },
			{ "angle_step=0", "angle_step is 0 deg" }, { "exposure_s=0", "exposure_s is 0.0" },
			{ "scan_type=xanes2d,energies=\"8300:8400:10\",zp_calibration=\"8320:1,8400:2\"", "energy 8300 eV is outside the zone-plate calibration" },
			{ "angle_step=0.001", "more than 100000; set confirm_large=true" } };
		for (String[] b : bad) {
			assertEquals(1, txm("run", "Build Scan Macro", b[0] + ",save_to=\"" + o + "\"", "--out", o.toString()), b[0]);
			assertTrue(err().contains(b[1]), b[1] + " in " + err());
		}
		try (Stream<Path> s = Files.list(o)) {
			assertEquals(0, s.count(), "nothing may be written for an invalid plan");
		}
	}
}
