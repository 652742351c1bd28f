package nl.schakel.policy;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The one reader for the YAML files under {@code policies/}: reads one file as a tree of
 * YAML nodes and records every problem as a {@link PolicyError}
 * ({@code file:line: problem}), so that a loader can collect all problems of a file
 * before refusing it. Works on SnakeYAML's node tree rather than constructed objects
 * because only nodes keep their position in the file, and because nothing in the file
 * should ever become an arbitrary Java object.
 * <p>
 * The helpers never throw on bad input: each returns empty (or an empty list) and records
 * what is wrong; the caller fails once the whole file is read and the list of problems is
 * not empty.
 */
public final class PolicyYaml {

	private final String file;

	private final List<PolicyError> errors;

	/**
	 * @param file the file name the problems are reported against, e.g.
	 * {@code roles.yaml}
	 * @param errors where problems are added, shared by the caller across files
	 */
	public PolicyYaml(String file, List<PolicyError> errors) {
		this.file = file;
		this.errors = errors;
	}

	/**
	 * The document's root node; empty (with the problem recorded) if the bytes are not
	 * UTF-8, not YAML, or empty. Aliases and nesting are bounded, so a hostile file
	 * cannot exhaust memory or stack.
	 */
	public Optional<Node> parse(byte[] bytes) {
		Optional<String> text = decode(bytes);
		if (text.isEmpty()) {
			return Optional.empty();
		}
		LoaderOptions options = new LoaderOptions();
		// a policy has no use for alias bombs or deep nesting
		options.setMaxAliasesForCollections(10);
		options.setNestingDepthLimit(20);
		options.setProcessComments(false);
		try {
			Node root = new Yaml(options).compose(new StringReader(text.get()));
			if (root == null) {
				error(1, "the file is empty");
				return Optional.empty();
			}
			return Optional.of(root);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String context = (ex.getContext() != null) ? " (" + ex.getContext() + ")" : "";
			error((mark != null) ? mark.getLine() + 1 : 1, "malformed YAML: " + ex.getProblem() + context);
			return Optional.empty();
		}
		catch (YAMLException ex) {
			error(1, "malformed YAML: " + ex.getMessage());
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			// the parser itself can trip over odd input (a block scalar indicator written
			// with a
			// non-ASCII digit throws NumberFormatException): still a malformed file,
			// never a crash
			error(1, "malformed YAML: the parser could not read this file");
			return Optional.empty();
		}
	}

	private Optional<String> decode(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int line = 1;
			for (int i = 0; i < in.position(); i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			error(line, "the file is not UTF-8 text; save it as UTF-8");
			return Optional.empty();
		}
		decoder.flush(out);
		String text = out.flip().toString();
		return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

	/**
	 * The entries of a mapping node by key, after reporting keys that are not allowed or
	 * appear twice. Empty (with the problem recorded) if the node is not a mapping.
	 * @param what how the node is named in a problem, e.g. {@code a rule}
	 * @param allowedKeys the keys it may have, in the order a problem lists them
	 */
	public Optional<Map<String, Node>> mapping(Node node, String what, Collection<String> allowedKeys) {
		if (!(node instanceof MappingNode mapping)) {
			error(node, what + " must be a set of 'key: value' lines (allowed keys: " + String.join(", ", allowedKeys)
					+ ")");
			return Optional.empty();
		}
		Map<String, Node> fields = new LinkedHashMap<>();
		Map<String, Integer> firstLine = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			Node keyNode = tuple.getKeyNode();
			if (!(keyNode instanceof ScalarNode scalarKey)) {
				error(keyNode, "a key in " + what + " must be a plain word");
				continue;
			}
			String key = scalarKey.getValue();
			if (!allowedKeys.contains(key)) {
				error(keyNode,
						"unknown key '" + key + "' in " + what + " (allowed: " + String.join(", ", allowedKeys) + ")");
				continue;
			}
			if (firstLine.containsKey(key)) {
				error(keyNode,
						"key '" + key + "' appears twice in " + what + " (first on line " + firstLine.get(key) + ")");
				continue;
			}
			firstLine.put(key, line(keyNode));
			fields.put(key, tuple.getValueNode());
		}
		return Optional.of(fields);
	}

	/**
	 * A single value, stripped; empty (with the problem recorded if required) when
	 * absent, and empty with the problem recorded when it is a list, a map, or blank.
	 * @param owner the node a missing required key is reported at
	 */
	public Optional<String> text(Map<String, Node> fields, String key, Node owner, boolean required) {
		Node value = fields.get(key);
		if (value == null) {
			if (required) {
				error(owner, "missing '" + key + "'");
			}
			return Optional.empty();
		}
		if (!(value instanceof ScalarNode scalar)) {
			error(value, "'" + key + "' must be a single value, not a list or a map");
			return Optional.empty();
		}
		if (isEmpty(scalar)) {
			error(value, "'" + key + "' has no value");
			return Optional.empty();
		}
		return Optional.of(scalar.getValue().strip());
	}

	/**
	 * The entries of a list; an empty list if the key is absent (for rules: "any"). An
	 * invalid or empty list is reported; the caller's result is then never used because
	 * loading fails.
	 * @param example entries to show in a problem, e.g. {@code HEALTH, POLICE}
	 */
	public List<ScalarNode> list(Map<String, Node> fields, String key, String example) {
		return list(fields, key, example, "leave '" + key + "' out to match any value");
	}

	/**
	 * As {@link #list(Map, String, String)}, for a key whose absence means something
	 * other than "any value".
	 * @param ifEmpty the advice given when the list is empty, e.g. what leaving it out
	 * means
	 */
	public List<ScalarNode> list(Map<String, Node> fields, String key, String example, String ifEmpty) {
		Node value = fields.get(key);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof SequenceNode sequence)) {
			error(value, "'" + key + "' must be a list, e.g. " + key + ": [" + example + "]");
			return List.of();
		}
		if (sequence.getValue().isEmpty()) {
			error(value, "'" + key + "' is an empty list; " + ifEmpty);
			return List.of();
		}
		List<ScalarNode> entries = new ArrayList<>();
		for (Node entry : sequence.getValue()) {
			if (!(entry instanceof ScalarNode scalar)) {
				error(entry, "each entry of '" + key + "' must be a single value, e.g. " + key + ": [" + example + "]");
			}
			else if (isEmpty(scalar)) {
				error(entry, "empty entry in '" + key + "'");
			}
			else {
				entries.add(scalar);
			}
		}
		return entries;
	}

	/** The known terms for the entries; unknown ones are reported with their line. */
	<T> Set<T> terms(List<ScalarNode> entries, Terms<T> terms) {
		Set<T> found = new LinkedHashSet<>();
		for (ScalarNode entry : entries) {
			term(entry, entry.getValue(), terms).ifPresent(found::add);
		}
		return found;
	}

	<T> Optional<T> term(Node node, String written, Terms<T> terms) {
		Optional<T> term = terms.find(written);
		if (term.isEmpty()) {
			error(node, terms.unknown(written));
		}
		return term;
	}

	/** Records a problem at the line where the node starts. */
	public void error(Node node, String problem) {
		error(line(node), problem);
	}

	/** Records a problem at a 1-based line, or 0 for the whole file. */
	public void error(int line, String problem) {
		this.errors.add(new PolicyError(this.file, line, problem));
	}

	/** The 1-based line where the node starts. */
	public static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	private static boolean isEmpty(ScalarNode scalar) {
		return Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isBlank();
	}

}
