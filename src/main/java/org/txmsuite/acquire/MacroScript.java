package org.txmsuite.acquire;

import java.util.Collections;
import java.util.List;

/** A parsed macro: its instructions in order and the number of lines the text had. */
public final class MacroScript {
	private final List<MacroCommand> commands;
	private final int lines;

	public MacroScript(List<MacroCommand> commands, int lines) {
		this.commands = Collections.unmodifiableList(commands);
		this.lines = lines;
	}

	/** The instructions, comments and blank lines left out, each with its source line number. */
	public List<MacroCommand> commands() {
		return commands;
	}

	/** Lines in the source text, comments and blank lines included. */
	public int lines() {
		return lines;
	}
}
