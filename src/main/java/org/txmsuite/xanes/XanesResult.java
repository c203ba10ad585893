package org.txmsuite.xanes;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named outputs of a XANES operation (maps, stacks, tables, rendered views) and a summary of what was masked. */
public final class XanesResult {
	private final Map<String, Object> outputs = new LinkedHashMap<>();
	private String summary = "";

	XanesResult put(String name, Object value) {
		if (value != null) outputs.put(name, value);
		return this;
	}

	XanesResult summary(String s) {
		summary = s;
		return this;
	}

	public Map<String, Object> outputs() { return outputs; }
	public String summary() { return summary; }
	public Object get(String name) { return outputs.get(name); }
	public ImagePlus image(String name) { return (ImagePlus) outputs.get(name); }
	public ResultsTable table(String name) { return (ResultsTable) outputs.get(name); }
}
