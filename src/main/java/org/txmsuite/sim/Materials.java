package org.txmsuite.sim;

/**
 * Approximate linear attenuation coefficients (1/um) near 8-9 keV, from mass attenuation
 * coefficients and densities (mu = (mu/rho) rho): good enough for realistic contrast in simulations.
 */
public final class Materials {
	private Materials() {}

	/** Platinum, rho 21.45 g/cm3, mu/rho about 200 cm2/g. */
	public static final double PT = 0.43;
	/** Gold marker beads, rho 19.3, mu/rho about 200. */
	public static final double AU = 0.39;
	/** Silica glass, rho 2.2, mu/rho about 34. */
	public static final double SIO2_GLASS = 0.0075;
	/** Ruby (Al2O3), rho 4.0, mu/rho about 30. */
	public static final double RUBY = 0.012;
	/** 4:1 methanol-ethanol pressure medium. */
	public static final double MEOH_ETOH = 0.0009;
}
