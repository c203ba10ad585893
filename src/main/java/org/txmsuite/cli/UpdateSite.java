package org.txmsuite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.txmsuite.core.TxmException;
import org.txmsuite.io.AtomicFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds and updates a Fiji update site folder: {@code db.xml.gz} plus one file per version named
 * {@code <path>-<yyyyMMddHHmmss>}. A file whose checksum (by the updater's rules,
 * {@link UpdateSiteChecksum}) is unchanged is left alone; a changed one gets a new version and its
 * old version becomes a {@code previous-version} record, so installs of every earlier release are
 * recognised and updated. Jars whose version-less name is a Fiji core jar are refused.
 */
public final class UpdateSite {
	/** Version-less names of jars Fiji itself ships, which a site must never shadow. */
	public static final Set<String> FIJI_PROVIDED = Set.of("ij", "ij1-patcher", "scijava-common", "parsington", "imglib2",
		"commons-math3", "javassist", "classgraph", "imagej-legacy", "imagej-common", "imagej-ops", "scifio", "imglib2-algorithm",
		"imglib2-ij", "imglib2-roi", "fiji-lib", "commons-io", "commons-codec", "commons-lang3", "commons-collections4",
		"commons-compress", "log4j-api", "jfreechart", "jcommon", "slf4j-api", "junit", "hamcrest-core");

	/** One file version: checksum, timestamp, size. */
	public static final class Version {
		public final String checksum, timestamp;
		public final long filesize;

		Version(String checksum, String timestamp, long filesize) {
			this.checksum = checksum;
			this.timestamp = timestamp;
			this.filesize = filesize;
		}
	}

	/** One file on the site with its current and previous versions. */
	public static final class Record {
		public final String filename;
		public Version current;
		public String description = "";
		public final List<String> dependencies = new ArrayList<>();
		public final List<Version> previous = new ArrayList<>();

		Record(String filename) {
			this.filename = filename;
		}
	}

	private UpdateSite() {}

	/** The updater's time stamp format, UTC. */
	public static String timestamp(Date when) {
		SimpleDateFormat f = new SimpleDateFormat("yyyyMMddHHmmss", Locale.ROOT);
		f.setTimeZone(TimeZone.getTimeZone("UTC"));
		return f.format(when);
	}

	/** A jar's name without version and extension: {@code jars/poi-5.4.1.jar} -> {@code poi}. */
	public static String baseName(String path) {
		String n = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.jar$", "");
		return n.replaceAll("-\\d[^/]*$", "");
	}

	/**
	 * Adds or updates files on the site. {@code files} maps the path inside Fiji (e.g.
	 * {@code jars/txm-suite.jar}) to the local file; {@code main} (may be null) names the file that
	 * depends on all the others. Returns the paths that got a new version.
	 */
	public static List<String> update(Path site, Map<String, Path> files, String main, String description, String timestamp)
		throws IOException
	{
		for (String path : files.keySet())
			if (path.endsWith(".jar") && FIJI_PROVIDED.contains(baseName(path)))
				throw new TxmException("refusing to ship " + path + ": Fiji already provides " + baseName(path) + ".jar");
		Files.createDirectories(site);
		Path db = site.resolve("db.xml.gz");
		Map<String, Record> records = Files.exists(db) ? read(db) : new LinkedHashMap<>();
		List<String> changed = new ArrayList<>();
		for (Map.Entry<String, Path> f : files.entrySet()) {
			String path = f.getKey();
			String sum = UpdateSiteChecksum.of(f.getValue(), path);
			Record r = records.computeIfAbsent(path, Record::new);
			if (r.current != null && r.current.checksum.equals(sum)) continue;
			if (r.current != null) r.previous.add(0, r.current);
			r.current = new Version(sum, timestamp, Files.size(f.getValue()));
			Path target = site.resolve(path + "-" + timestamp);
			Files.createDirectories(target.getParent());
			Files.copy(f.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
			changed.add(path);
		}
		if (main != null && records.containsKey(main)) {
			Record m = records.get(main);
			m.description = description;
			m.dependencies.clear();
			for (String path : files.keySet()) if (!path.equals(main)) m.dependencies.add(path);
		}
		AtomicFiles.write(db, tmp -> write(records, tmp));
		return changed;
	}

	public static Map<String, Record> read(Path db) throws IOException {
		Map<String, Record> out = new LinkedHashMap<>();
		try (InputStream in = new GZIPInputStream(Files.newInputStream(db))) {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			Document doc = f.newDocumentBuilder().parse(in);
			NodeList plugins = doc.getElementsByTagName("plugin");
			for (int i = 0; i < plugins.getLength(); i++) {
				Element p = (Element) plugins.item(i);
				Record r = new Record(p.getAttribute("filename"));
				NodeList v = p.getElementsByTagName("version");
				if (v.getLength() > 0) {
					Element e = (Element) v.item(0);
					r.current = new Version(e.getAttribute("checksum"), e.getAttribute("timestamp"), Long.parseLong(e.getAttribute("filesize")));
					NodeList d = e.getElementsByTagName("description");
					if (d.getLength() > 0) r.description = d.item(0).getTextContent();
					NodeList deps = e.getElementsByTagName("dependency");
					for (int k = 0; k < deps.getLength(); k++) r.dependencies.add(((Element) deps.item(k)).getAttribute("filename"));
				}
				NodeList prev = p.getElementsByTagName("previous-version");
				for (int k = 0; k < prev.getLength(); k++) {
					Element e = (Element) prev.item(k);
					r.previous.add(new Version(e.getAttribute("checksum"), e.getAttribute("timestamp"), -1));
				}
				out.put(r.filename, r);
			}
		}
		catch (IOException e) {
			throw e;
		}
		catch (Exception e) {
			throw new TxmException("cannot read update site index " + db + ": " + e.getMessage(), e);
		}
		return out;
	}

	private static void write(Map<String, Record> records, Path to) throws IOException {
		try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(to));
			Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8))
		{
			w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pluginRecords>\n");
			for (Record r : records.values()) {
				w.write(" <plugin filename=\"" + xml(r.filename) + "\">\n");
				Version v = r.current;
				w.write("  <version checksum=\"" + v.checksum + "\" timestamp=\"" + v.timestamp + "\" filesize=\"" + v.filesize + "\">\n");
				if (!r.description.isEmpty()) w.write("   <description>" + xml(r.description) + "</description>\n");
				for (String d : r.dependencies) {
					Record dep = records.get(d);
					w.write("   <dependency filename=\"" + xml(d) + "\" timestamp=\"" + (dep == null ? "" : dep.current.timestamp) + "\"/>\n");
				}
				w.write("   <author>TXM Suite developers</author>\n");
				w.write("  </version>\n");
				for (Version p : r.previous)
					w.write("  <previous-version timestamp=\"" + p.timestamp + "\" checksum=\"" + p.checksum + "\"/>\n");
				w.write(" </plugin>\n");
			}
			w.write("</pluginRecords>\n");
		}
	}

	private static String xml(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/**
	 * {@code UpdateSite SITE_DIR MAIN_PATH=FILE [PATH=FILE ...]}: adds the files, the first one the main
	 * jar; libraries Fiji provides are skipped.
	 */
	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("usage: UpdateSite SITE_DIR jars/txm-suite.jar=target/txm-suite.jar [jars/lib.jar=path ...]");
			System.exit(2);
		}
		Map<String, Path> files = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			int eq = args[i].indexOf('=');
			String path = args[i].substring(0, eq);
			if (i > 1 && FIJI_PROVIDED.contains(baseName(path))) {
				System.out.println("not shipped (Fiji provides it): " + path);
				continue;
			}
			files.put(path, Path.of(args[i].substring(eq + 1)));
		}
		String main = files.keySet().iterator().next();
		try {
			List<String> changed = update(Path.of(args[0]), files, main,
				"TXM Suite: nano-TXM acquisition, normalization, alignment, missing-wedge reconstruction, XANES, Pt-shell volumes and EOS fitting.",
				timestamp(new Date()));
			System.out.println(changed.isEmpty() ? "update site unchanged" : "new versions: " + String.join(", ", changed));
		}
		catch (TxmException e) {
			System.err.println("make-update-site: " + e.getMessage());
			System.exit(1);
		}
	}
}
