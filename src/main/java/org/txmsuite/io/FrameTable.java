package org.txmsuite.io;

import ij.measure.ResultsTable;

import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;

/** The per-frame metadata of a stack as a table: {@code index,kind,angle_deg,energy_ev,exposure_s}. */
public final class FrameTable {
	private FrameTable() {}

	public static ResultsTable of(FrameStack s) {
		return of(s.infos());
	}

	/** The table of a list of frame metadata (e.g. decoded from an image's Info block). */
	public static ResultsTable of(java.util.List<FrameInfo> infos) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int i = 0; i < infos.size(); i++) {
			FrameInfo f = infos.get(i);
			t.incrementCounter();
			t.addValue("index", i);
			t.addValue("kind", f.kind().label());
			t.addValue("angle_deg", f.angleDeg());
			t.addValue("energy_ev", f.energyEv());
			t.addValue("exposure_s", f.exposureS());
		}
		return t;
	}
}
