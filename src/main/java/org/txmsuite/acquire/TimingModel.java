package org.txmsuite.acquire;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The duration model behind scan estimates. Each instruction costs:
 * <ul>
 * <li>{@code collect}: the current exposure + {@link #readoutS} (read-out and file write);</li>
 * <li>{@code moveto}: |distance| / axis speed + {@link #settleS}; the first move of an axis, whose
 * start is unknown, costs the settle time only;</li>
 * <li>{@code sete}: |energy change| / {@link #energySpeedEvPerS} + {@link #energySettleS};</li>
 * <li>{@code wait}: its seconds; {@code setexp} and {@code setbinning}: nothing.</li>
 * </ul>
 * Default speeds (units per second: µm for stages and zone plate, mm for detector axes, degrees
 * for {@code t}) are typical of Xradia nano-TXM stages; adjust them to the beamline's.
 */
public final class TimingModel {
	public double readoutS = 0.1;
	public double settleS = 0.2;
	public double energySpeedEvPerS = 20;
	public double energySettleS = 1.0;
	public double defaultSpeed = 50;
	public final Map<String, Double> speeds = new HashMap<>();

	public TimingModel() {
		speeds.put("x", 100.0);
		speeds.put("y", 100.0);
		speeds.put("z", 100.0);
		speeds.put("t", 20.0);
		speeds.put("zpx", 50.0);
		speeds.put("zpy", 50.0);
		speeds.put("zpz", 200.0);
		speeds.put("detx", 2.0);
		speeds.put("dety", 2.0);
		speeds.put("detz", 2.0);
	}

	public double speed(String axis) {
		return speeds.getOrDefault(axis.toLowerCase(Locale.ROOT), defaultSpeed);
	}
}
