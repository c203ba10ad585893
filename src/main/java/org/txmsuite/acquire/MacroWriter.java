package org.txmsuite.acquire;

/**
 * Writes a scan as XMController macro text: a {@code ;;} header (what the plan is and the estimate,
 * which SSRL readers also use to recognise the run script), then one instruction per line, with
 * Windows-friendly plain ASCII and a final line end.
 */
public final class MacroWriter {
	private MacroWriter() {}

	public static String write(ScanProgram p) {
		StringBuilder b = new StringBuilder(64 * (p.commands().size() + p.header().size() + 4));
		for (String h : p.header()) b.append(";; ").append(h).append('\n');
		b.append(";; estimate: ").append(p.estimate()).append('\n');
		for (MacroCommand c : p.commands()) b.append(c.toMacroLine()).append('\n');
		return b.toString();
	}
}
