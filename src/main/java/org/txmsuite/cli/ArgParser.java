package org.txmsuite.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.txmsuite.core.TxmException;

/**
 * Parses command arguments the way Fiji's {@code --headless --run} takes them:
 * {@code key=value} pairs separated by commas, strings in double quotes (which may hold commas),
 * unquoted simple values accepted too. ImageJ 1.x style {@code key=[value]} brackets are accepted.
 */
public final class ArgParser {
	private ArgParser() {}

	public static Map<String, String> parse(String args) {
		Map<String, String> out = new LinkedHashMap<>();
		if (args == null) return out;
		int i = 0, n = args.length();
		while (i < n) {
			while (i < n && (args.charAt(i) == ',' || Character.isWhitespace(args.charAt(i)))) i++;
			if (i >= n) break;
			int eq = args.indexOf('=', i);
			if (eq < 0) throw new TxmException("argument '" + args.substring(i).trim() + "' has no '=': expected key=value");
			String key = args.substring(i, eq).trim();
			if (key.isEmpty() || !key.matches("[A-Za-z_][A-Za-z0-9_]*"))
				throw new TxmException("bad argument name '" + key + "': expected a parameter name like input or tv_weight");
			i = eq + 1;
			StringBuilder v = new StringBuilder();
			if (i < n && (args.charAt(i) == '"' || args.charAt(i) == '\'' || args.charAt(i) == '[')) {
				char open = args.charAt(i), close = open == '[' ? ']' : open;
				i++;
				while (i < n && args.charAt(i) != close) {
					if (args.charAt(i) == '\\' && i + 1 < n && open != '[') i++;
					v.append(args.charAt(i++));
				}
				if (i >= n) throw new TxmException("argument '" + key + "': unterminated " + open + " quote");
				i++;
			}
			else {
				while (i < n && args.charAt(i) != ',') v.append(args.charAt(i++));
			}
			if (out.put(key, v.toString().trim()) != null) throw new TxmException("argument '" + key + "' given twice");
		}
		return out;
	}
}
