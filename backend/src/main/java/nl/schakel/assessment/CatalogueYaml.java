package nl.schakel.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.schakel.policy.PolicyYaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Small readings shared by the instrument and the catalogue loaders, on top of the one
 * reader {@link PolicyYaml}: labels in two languages, lists of mappings, whole numbers,
 * versions.
 */
final class CatalogueYaml {

	private CatalogueYaml() {
	}

	static Optional<Label> label(PolicyYaml yaml, Map<String, Node> fields, String key, Node owner) {
		Node node = fields.get(key);
		if (node == null) {
			yaml.error(owner, "missing '" + key + "' (with nl: and en:)");
			return Optional.empty();
		}
		return yaml.mapping(node, "'" + key + "'", List.of("nl", "en")).flatMap((texts) -> {
			Optional<String> nl = yaml.text(texts, "nl", node, true);
			Optional<String> en = yaml.text(texts, "en", node, true);
			return (nl.isPresent() && en.isPresent()) ? Optional.of(new Label(nl.get(), en.get())) : Optional.empty();
		});
	}

	/**
	 * The entries of a list of mappings; empty (with the problem recorded) when not a
	 * list.
	 */
	static List<Node> entries(PolicyYaml yaml, Map<String, Node> fields, String key, Node owner, boolean required) {
		Node node = fields.get(key);
		if (node == null) {
			if (required) {
				yaml.error(owner, "missing '" + key + "'");
			}
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			yaml.error(node, "'" + key + "' must be a non-empty list");
			return List.of();
		}
		return sequence.getValue();
	}

	static Optional<Integer> number(PolicyYaml yaml, Node node, String what) {
		if (node instanceof ScalarNode scalar) {
			try {
				return Optional.of(Integer.parseInt(scalar.getValue().strip()));
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		yaml.error(node, what + " must be a whole number");
		return Optional.empty();
	}

	static List<String> words(PolicyYaml yaml, Map<String, Node> fields, String key, String example,
			List<String> allowed) {
		List<String> found = new ArrayList<>();
		for (ScalarNode entry : yaml.list(fields, key, example, "name at least one")) {
			String word = entry.getValue().strip();
			if (allowed != null && !allowed.contains(word)) {
				yaml.error(entry, "unknown " + key + " '" + word + "' (known: " + String.join(", ", allowed) + ")");
			}
			else {
				found.add(word);
			}
		}
		return found;
	}

	/**
	 * The declared version plus the first 12 hex digits of a SHA-256 over the file, as
	 * the policy's.
	 */
	static String version(String declared, byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return declared + "+" + HexFormat.of().formatHex(digest).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
