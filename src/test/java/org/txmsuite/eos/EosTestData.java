package org.txmsuite.eos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.txmsuite.io.CsvTables;

/** The real EOS data sets in test-images/eos and the reference fits of them. */
final class EosTestData {
	static final Path DIR = Path.of("test-images", "eos");

	private EosTestData() {}

	static EosData load(String name) {
		return EosData.fromTable(CsvTables.read(DIR.resolve(name + ".csv")), "auto");
	}

	/** One row of reference_fits.txt. */
	static final class Ref {
		String dataset, model, weighting;
		boolean v0Fixed;
		double[] value = new double[4], esd = new double[3];
		double chi2w, rmsP;

		@Override
		public String toString() {
			return dataset + (v0Fixed ? "(V0 fixed)" : "") + " " + model + " " + weighting;
		}
	}

	static List<Ref> references() {
		List<String> lines;
		try {
			lines = Files.readAllLines(DIR.resolve("reference_fits.txt"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Ref> out = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] t = line.trim().split("\\s+");
			if (t.length < 12) continue;
			Ref r = new Ref();
			r.dataset = t[0].replace("_V0free", "").replace("_V0fixed", "");
			r.v0Fixed = t[0].endsWith("_V0fixed");
			r.model = t[1];
			r.weighting = t[2].equals("EV") ? "effective-variance" : "none";
			r.value[0] = Double.parseDouble(t[3]);
			r.esd[0] = Double.parseDouble(t[4]);
			r.value[1] = Double.parseDouble(t[5]);
			r.esd[1] = Double.parseDouble(t[6]);
			r.value[2] = Double.parseDouble(t[7]);
			r.esd[2] = Double.parseDouble(t[8]);
			r.value[3] = Double.parseDouble(t[9]);
			r.chi2w = t[10].equals("nan") ? Double.NaN : Double.parseDouble(t[10]);
			r.rmsP = Double.parseDouble(t[11]);
			out.add(r);
		}
		return out;
	}

	static EosFit fit(Ref r) {
		EosOptions o = new EosOptions().model(EosModel.parse(r.model)).weighting(EosOptions.Weighting.parse(r.weighting));
		if (r.v0Fixed) o.fix(EosModel.V0, 11.81);
		return EosFitter.fit(load(r.dataset), o, null);
	}
}
