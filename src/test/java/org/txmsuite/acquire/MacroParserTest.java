package org.txmsuite.acquire;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.txmsuite.acquire.MacroCommand.Kind;
import org.txmsuite.core.TxmException;

/** The macro language parser: variants it tolerates and the lines it refuses. */
class MacroParserTest {

	@Test
	void readsEveryCommandAndVariant() {
		String text = "\uFEFF;; header\r\n\r\n  SETE 8333.5\r\nmoveto energy 8340\r\nMoveTo  ZPZ\t-1234.5 ; focus\r\n"
			+ "moveto prx 0.25\r\nsetexp 0.5\r\nsetBinning 2\r\ncollect \"rep01_00000_S_08340.00_eV_001of001.xrm\"\r\nwait 2.5\r\n; end";
		MacroScript m = MacroParser.parse(text);
		assertEquals(11, m.lines());
		List<MacroCommand> c = m.commands();
		assertEquals(8, c.size());
		assertEquals(Kind.SET_ENERGY, c.get(0).kind());
		assertEquals(8333.5, c.get(0).value(), 0);
		assertEquals(3, c.get(0).line());
		assertEquals(Kind.SET_ENERGY, c.get(1).kind());
		assertEquals(Kind.MOVE, c.get(2).kind());
		assertEquals("zpz", c.get(2).axis());
		assertEquals(-1234.5, c.get(2).value(), 0);
		assertEquals("prx", c.get(3).axis());
		assertEquals(0.5, c.get(4).value(), 0);
		assertEquals(2, c.get(5).value(), 0);
		assertEquals("rep01_00000_S_08340.00_eV_001of001.xrm", c.get(6).file());
		assertEquals(Kind.WAIT, c.get(7).kind());
		assertEquals(10, c.get(7).line());
	}

	@Test
	void badLinesAreReportedWithTheirNumber() {
		assertBad("sete 8333\nshutter open\n", "line 2: unknown command 'shutter'");
		assertBad("sete\n", "line 1: 'sete' is incomplete");
		assertBad(";\nmoveto x\n", "line 2: 'moveto' is incomplete");
		assertBad("moveto x 1 2\n", "line 1: unexpected '2'");
		assertBad("\n\nmoveto x 1e\n", "line 3: '1e' is not a number");
		assertBad("setexp 0\n", "line 1: exposure must be > 0 s");
		assertBad("setexp NaN\n", "line 1: 'NaN' is not a number");
		assertBad("setbinning 1.5\n", "line 1: binning must be a whole number");
		assertBad("collect\n", "line 1: 'collect' needs a file name");
		assertBad("wait -1\n", "line 1: wait must be >= 0 s");
		assertBad("sete -5\n", "line 1: energy must be > 0 eV");
		assertBad("moveto 9x 1\n", "line 1: '9x' is not an axis name");
	}

	private static void assertBad(String text, String expected) {
		TxmException e = assertThrows(TxmException.class, () -> MacroParser.parse(text));
		assertTrue(e.getMessage().startsWith(expected), e.getMessage());
	}

	@Test
	void writtenLinesParseBack() {
		for (MacroCommand c : List.of(MacroCommand.move("t", -67.5), MacroCommand.setEnergy(8333.25), MacroCommand.setExposure(0.3),
			MacroCommand.setBinning(2), MacroCommand.collect("a.xrm"), MacroCommand.waitSeconds(1)))
			assertTrue(c.sameAs(MacroParser.parseLine(c.toMacroLine(), 1)), c.toMacroLine());
		assertEquals("moveto x 0.1", MacroCommand.move("X", 0.1).toMacroLine());
		assertEquals("sete 8333", MacroCommand.setEnergy(8333).toMacroLine());
	}
}
