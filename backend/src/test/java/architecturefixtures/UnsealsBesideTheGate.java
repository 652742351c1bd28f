package architecturefixtures;

import nl.schakel.crypto.FieldBinding;
import nl.schakel.crypto.FieldCipher;

/** Opens sealed content without the disclosure gate, so nothing is recorded first. */
public class UnsealsBesideTheGate {

	private final FieldCipher cipher;

	public UnsealsBesideTheGate(FieldCipher cipher) {
		this.cipher = cipher;
	}

	public String read(byte[] sealed, FieldBinding binding) {
		return this.cipher.open(sealed, binding);
	}

}
