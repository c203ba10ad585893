package org.txmsuite.stage;

import com.cosylab.epics.caj.cas.util.MemoryProcessVariable;

import gov.aps.jca.CAException;
import gov.aps.jca.CAStatus;
import gov.aps.jca.cas.ProcessVariableEventCallback;
import gov.aps.jca.cas.ProcessVariableWriteCallback;
import gov.aps.jca.dbr.DBR;
import gov.aps.jca.dbr.DBRType;
import gov.aps.jca.dbr.DBR_Double;
import gov.aps.jca.dbr.DBR_Int;
import gov.aps.jca.dbr.DBR_Short;
import gov.aps.jca.dbr.DBR_String;

/**
 * A simulator process variable: holds its value in memory (reads and monitors as jca's
 * {@link MemoryProcessVariable}) and hands client writes to a {@link WriteHook}, which may complete
 * them later (put-with-completion of a motor move or an acquisition).
 */
final class SimPV extends MemoryProcessVariable {
	/** What a client write does. Returns the status, or null if {@code done} is called later. */
	@FunctionalInterface
	interface WriteHook {
		CAStatus written(double value, ProcessVariableWriteCallback done);
	}

	private volatile WriteHook hook;

	private SimPV(String name, ProcessVariableEventCallback events, DBRType type, Object value) {
		super(name, events, type, value);
	}

	static SimPV number(String name, ProcessVariableEventCallback events, double value, String units) {
		SimPV pv = new SimPV(name, events, DBRType.DOUBLE, new double[] { value });
		pv.setUnits(units);
		pv.setPrecision((short) 4);
		return pv;
	}

	static SimPV integer(String name, ProcessVariableEventCallback events, int value) {
		return new SimPV(name, events, DBRType.INT, new int[] { value });
	}

	static SimPV text(String name, ProcessVariableEventCallback events, String value) {
		return new SimPV(name, events, DBRType.STRING, new String[] { value });
	}

	static SimPV shorts(String name, ProcessVariableEventCallback events, int length) {
		return new SimPV(name, events, DBRType.SHORT, new short[length]);
	}

	SimPV onWrite(WriteHook h) {
		hook = h;
		return this;
	}

	@Override
	public synchronized CAStatus write(DBR dbr, ProcessVariableWriteCallback done) throws CAException {
		WriteHook h = hook;
		if (h == null) return super.write(dbr, done);
		double v;
		try {
			Object val = dbr.convert(DBRType.DOUBLE).getValue();
			v = ((double[]) val)[0];
		}
		catch (Exception e) {
			return CAStatus.BADTYPE;
		}
		CAStatus s = super.write(dbr, null);
		if (s != CAStatus.NORMAL) return s;
		return h.written(v, done);
	}

	/** Sets the value from the simulator (monitors are told). */
	void set(double v) {
		try {
			if (type == DBRType.DOUBLE) super.write(new DBR_Double(new double[] { v }), null);
			else if (type == DBRType.INT) super.write(new DBR_Int(new int[] { (int) Math.round(v) }), null);
			else super.write(new DBR_String(new String[] { Double.toString(v) }), null);
		}
		catch (CAException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Replaces the first {@code n} elements of an array value (the rest stays) and tells monitors. */
	void setShorts(short[] data, int n) {
		synchronized (this) {
			System.arraycopy(data, 0, (short[]) value, 0, Math.min(n, count));
			try {
				super.write(new DBR_Short((short[]) value), null);
			}
			catch (CAException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	double doubleValue() {
		synchronized (this) {
			if (value instanceof double[]) return ((double[]) value)[0];
			if (value instanceof int[]) return ((int[]) value)[0];
			return Double.NaN;
		}
	}
}
