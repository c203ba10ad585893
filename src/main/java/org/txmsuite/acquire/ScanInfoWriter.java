package org.txmsuite.acquire;

import java.util.Locale;

import org.txmsuite.core.FrameKind;

/**
 * TXM-Wizard {@code ScanInfo_*.txt}: {@code KEY value} lines, then {@code FILES} and the collected
 * file names in order. Flags ENERGY, TOMO and MOSAIC hold the loop nesting level (1 outermost, 0 when
 * the scan does not vary that), as readers that sort by them expect; every value is a whole number.
 * The reference interval is written under TXM-Wizard's key {@code REF4EVERYEXPOSURES}.
 */
public final class ScanInfoWriter {
	private ScanInfoWriter() {}

	public static String write(ScanProgram p) {
		ScanPlan plan = p.plan();
		int energy = 0, tomo = 0, mosaic = 0;
		switch (plan.type) {
		case XANES2D:
			energy = 1;
			break;
		case XANES3D:
			energy = 1;
			tomo = 2;
			break;
		case TOMOGRAPHY:
			tomo = 1;
			break;
		case MOSAIC:
			mosaic = 1;
			break;
		default:
			break;
		}
		int nx = 1, ny = 1;
		for (FrameName f : p.frames()) {
			if (f.kind() == FrameKind.SAMPLE && f.isTile()) {
				nx = Math.max(nx, f.tileX());
				ny = Math.max(ny, f.tileY());
			}
		}
		StringBuilder b = new StringBuilder(64 * p.frames().size() + 512);
		line(b, "VERSION", 1);
		line(b, "ENERGY", energy);
		line(b, "TOMO", tomo);
		line(b, "MOSAIC", mosaic);
		line(b, "MULTIEXPOSURE", 0);
		line(b, "NREPEATSCAN", plan.repeats);
		line(b, "WAITNSECS", Math.round(plan.repeatWaitS));
		line(b, "NEXPOSURES", plan.exposuresPerPosition);
		line(b, "AVERAGEONTHEFLY", 0);
		line(b, "REFNEXPOSURES", hasRefs(plan) ? plan.refExposures : 0);
		line(b, "REF4EVERYEXPOSURES", plan.refsEvery);
		line(b, "REFABBA", plan.abba ? 1 : 0);
		line(b, "REFAVERAGEONTHEFLY", 0);
		line(b, "MOSAICUP", (ny - 1) / 2);
		line(b, "MOSAICDOWN", (ny - 1) / 2);
		line(b, "MOSAICLEFT", (nx - 1) / 2);
		line(b, "MOSAICRIGHT", (nx - 1) / 2);
		line(b, "MOSAICOVERLAP", mosaic > 0 ? Math.round(plan.mosaicOverlap * 100) : 0);
		line(b, "MOSAICCENTRALFILE", mosaic > 0 ? 1 : 0);
		b.append("FILES\n");
		for (FrameName f : p.frames()) b.append(f.fileName()).append('\n');
		return b.toString();
	}

	static boolean hasRefs(ScanPlan plan) {
		return plan.refsEvery > 0 || plan.refsBeforeAfter;
	}

	private static void line(StringBuilder b, String key, long value) {
		b.append(key).append(' ').append(String.format(Locale.ROOT, "%d", value)).append('\n');
	}
}
