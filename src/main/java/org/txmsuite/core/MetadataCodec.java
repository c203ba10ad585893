package org.txmsuite.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text form of the suite's metadata, kept in an ImageJ TIFF's "Info" property (one {@code txm.} line
 * per item) and in slice labels, so a stack saved in Fiji and reopened still knows its angles,
 * energies and frame kinds. Frame lines are tab-separated:
 * {@code txm.frame=kind<TAB>angle_deg<TAB>energy_ev<TAB>exposure_s<TAB>time_s<TAB>name<TAB>axis:value;axis:value}.
 */
public final class MetadataCodec {
	public static final String HEADER = "# TXM Suite metadata v1";
	private static final String FRAME = "txm.frame=";

	private MetadataCodec() {}

	/** Stack-level and per-frame metadata as an Info block. */
	public static String encode(FrameStack s) {
		StringBuilder b = new StringBuilder(64 + 64 * s.size());
		b.append(HEADER).append('\n');
		b.append("txm.type=frames\n");
		b.append("txm.pixel_size_nm=").append(num(s.pixelSizeNm())).append('\n');
		b.append("txm.binning=").append(s.binning()).append('\n');
		b.append("txm.state=").append(s.state().name()).append('\n');
		b.append("txm.source=").append(clean(s.source())).append('\n');
		b.append("txm.frames=").append(s.size()).append('\n');
		for (FrameInfo f : s.infos()) b.append(FRAME).append(frameLine(f)).append('\n');
		return b.toString();
	}

	static String frameLine(FrameInfo f) {
		StringBuilder b = new StringBuilder();
		b.append(f.kind().label()).append('\t').append(num(f.angleDeg())).append('\t').append(num(f.energyEv()))
			.append('\t').append(num(f.exposureS())).append('\t').append(num(f.timeS())).append('\t').append(clean(f.name()))
			.append('\t');
		boolean first = true;
		for (var e : f.positions().entrySet()) {
			if (!first) b.append(';');
			b.append(clean(e.getKey()).replace(':', '_').replace(';', '_')).append(':').append(num(e.getValue()));
			first = false;
		}
		return b.toString();
	}

	/** True if the text holds a TXM Suite metadata block. */
	public static boolean hasMetadata(String info) {
		return info != null && info.contains(HEADER);
	}

	/** Value of a {@code txm.key=} line, or null. */
	public static String value(String info, String key) {
		if (info == null) return null;
		String prefix = "txm." + key + "=";
		for (String line : info.split("\n"))
			if (line.startsWith(prefix)) return line.substring(prefix.length()).trim();
		return null;
	}

	/** Applies stack-level values from an Info block to a stack. */
	public static void decodeStack(String info, FrameStack s) {
		String v = value(info, "pixel_size_nm");
		if (v != null) s.pixelSizeNm(parse(v));
		v = value(info, "binning");
		if (v != null) s.binning(Integer.parseInt(v));
		v = value(info, "state");
		if (v != null) s.state(DataState.parse(v));
		v = value(info, "source");
		if (v != null) s.source(v);
	}

	/** Per-frame metadata from an Info block, in order. */
	public static List<FrameInfo> decodeFrames(String info) {
		List<FrameInfo> out = new ArrayList<>();
		if (info == null) return out;
		for (String line : info.split("\n")) {
			if (!line.startsWith(FRAME)) continue;
			String[] p = line.substring(FRAME.length()).split("\t", -1);
			FrameInfo f = new FrameInfo(FrameKind.fromLabel(p[0]), parse(p[1]), parse(p[2]), parse(p[3]));
			if (p.length > 4) f.timeS(parse(p[4]));
			if (p.length > 5) f.name(p[5]);
			if (p.length > 6 && !p[6].isEmpty()) {
				for (String kv : p[6].split(";")) {
					int c = kv.lastIndexOf(':');
					if (c > 0) f.position(kv.substring(0, c), parse(kv.substring(c + 1)));
				}
			}
			out.add(f);
		}
		return out;
	}

	/** A readable slice label: kind, then angle and energy where known, e.g. {@code sample 12.50deg 8333.0eV}. */
	public static String sliceLabel(FrameInfo f) {
		StringBuilder b = new StringBuilder(f.kind().label());
		if (Double.isFinite(f.angleDeg())) b.append(' ').append(String.format(Locale.ROOT, "%.3fdeg", f.angleDeg()));
		if (Double.isFinite(f.energyEv())) b.append(' ').append(String.format(Locale.ROOT, "%.2feV", f.energyEv()));
		if (!f.name().isEmpty()) b.append(' ').append(f.name());
		return b.toString();
	}

	/** Metadata from a slice label made by hand or by {@link #sliceLabel}: kind, and angle/energy if present. */
	public static FrameInfo fromSliceLabel(String label) {
		FrameInfo f = new FrameInfo().kind(FrameKind.fromLabel(label));
		if (label == null) return f;
		for (String tok : label.trim().split("\\s+")) {
			String t = tok.toLowerCase(Locale.ROOT);
			try {
				if (t.endsWith("deg")) f.angleDeg(Double.parseDouble(t.substring(0, t.length() - 3)));
				else if (t.endsWith("ev") && !t.endsWith("kev")) f.energyEv(Double.parseDouble(t.substring(0, t.length() - 2)));
			}
			catch (NumberFormatException e) {
				// not a number token: part of a free-text label
			}
		}
		return f;
	}

	/** A number in round-trip form ({@code NaN} for unknown). */
	public static String num(double v) {
		if (Double.isNaN(v)) return "NaN";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return Double.toString(v);
	}

	public static double parse(String s) {
		if (s == null || s.isEmpty() || s.equalsIgnoreCase("nan")) return Double.NaN;
		return Double.parseDouble(s.trim());
	}

	private static String clean(String s) {
		return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
	}
}
