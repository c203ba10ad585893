package org.txmsuite.stage;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.txmsuite.core.FrameStack;
import org.txmsuite.testing.LauncherTest;

/** The headless call of the issue: scripts/txm run "Run Scan Macro" 'macro="scan.txt",instrument="simulator"' --out DIR. */
@Timeout(120)
class RunScanMacroCommandTest extends LauncherTest {
	@TempDir
	Path dir;

	@Test
	void headlessRunWritesFramesAndRunLogIntoOut() throws Exception {
		Path macro = dir.resolve("scan.txt");
		Files.writeString(macro, ";; two angles and a reference\nsete 8333\nsetexp 0.1\nmoveto t -30\ncollect rep01_00000_S_-030.00_Degree_08333.00_eV_001of001.xrm\n"
			+ "moveto t 30\ncollect rep01_00001_S_0030.00_Degree_08333.00_eV_001of001.xrm\nmoveto x 4000\ncollect rep01_ref_00002_S_08333.00_eV_001of001.xrm\n");
		Path out = dir.resolve("out");
		String args = "macro=\"" + macro + "\",instrument=\"simulator\",detector_px=32,speed=100";
		assertEquals(0, txm("run", "Run Scan Macro", args, "--out", out.toString()), err());
		List<String> log = Files.readAllLines(out.resolve("run_log.csv"));
		assertEquals("index,file,kind,angle_deg,energy_ev,exposure_s,time", log.get(0));
		assertEquals(4, log.size());
		assertTrue(log.get(1).startsWith("0,rep01_00000_S_-030.00_Degree_08333.00_eV_001of001.xrm,sample,-30,8333,0.1,"), log.get(1));
		assertTrue(log.get(3).startsWith("2,rep01_ref_00002_S_08333.00_eV_001of001.xrm,flat,30,8333,0.1,"), log.get(3));
		FrameStack f = FrameFiles.read(out.resolve("rep01_00001_S_0030.00_Degree_08333.00_eV_001of001.xrm"));
		assertEquals(32, f.width());
		assertEquals(30, f.info(0).angleDeg(), 1e-4);
		assertTrue(out().contains("3 collections: 3 taken, 0 already there"), out());

		// the same call again: everything is there, nothing is taken twice
		assertEquals(0, txm("run", "Run Scan Macro", args, "--out", out.toString()), err());
		assertTrue(out().contains("3 collections: 0 taken, 3 already there"), out());
		assertEquals(4, Files.readAllLines(out.resolve("run_log.csv")).size());
	}
}
