package dev.cobooauth.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages of {@code dev.cobooauth} that each compiled package refers to, read from the constant
 * pools of its class files: every class, field and method type a class names, whether imported or
 * written out in full, and every string that names a class of another package.
 */
final class ClassFileReferences {

	private static final Pattern REFERENCE = Pattern.compile("dev[/.]cobooauth[/.]([a-z0-9_]+(?:[/.][a-z0-9_]+)*)[/.][A-Z]");

	private ClassFileReferences() {
	}

	/**
	 * @param classes the root of the compiled classes
	 * @return for each package below {@code dev.cobooauth} (by its name after {@code dev.cobooauth.}),
	 * the other such packages its classes refer to
	 */
	static Map<String, Set<String>> packageReferences(Path classes) {
		Map<String, Set<String>> references = new TreeMap<>();
		Path root = classes.resolve("dev/cobooauth");
		try (Stream<Path> files = Files.walk(root)) {
			files.filter((file) -> file.toString().endsWith(".class")).forEach((file) -> {
				String from = root.relativize(file.getParent()).toString().replace('/', '.');
				Set<String> to = references.computeIfAbsent(from, (name) -> new TreeSet<>());
				for (String constant : utf8Constants(file)) {
					Matcher matcher = REFERENCE.matcher(constant);
					while (matcher.find()) {
						String target = matcher.group(1).replace('/', '.');
						if (!target.equals(from)) {
							to.add(target);
						}
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return references;
	}

	/** The text constants of a class file: class names, descriptors, signatures and string literals. */
	static Set<String> utf8Constants(Path classFile) {
		Set<String> constants = new TreeSet<>();
		try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
			data.readInt(); // magic
			data.readUnsignedShort(); // minor
			data.readUnsignedShort(); // major
			int count = data.readUnsignedShort();
			for (int index = 1; index < count; index++) {
				int tag = data.readUnsignedByte();
				switch (tag) {
					case 1 -> constants.add(data.readUTF());
					case 3, 4 -> data.readInt();
					case 5, 6 -> {
						data.readLong();
						index++;
					}
					case 7, 8, 16, 19, 20 -> data.readUnsignedShort();
					case 9, 10, 11, 12, 17, 18 -> data.readInt();
					case 15 -> {
						data.readUnsignedByte();
						data.readUnsignedShort();
					}
					default -> throw new IllegalStateException("Unknown constant pool tag " + tag + " in " + classFile);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return constants;
	}

}
