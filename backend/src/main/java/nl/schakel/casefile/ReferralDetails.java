package nl.schakel.casefile;

import tools.jackson.databind.json.JsonMapper;

/**
 * The free text of a referral, sealed as one JSON document so the case header carries it
 * as one item through the gate.
 */
public record ReferralDetails(String reason, String goal, String notInformedReason) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	/** The details from the text the gate unsealed. */
	public static ReferralDetails fromJson(String json) {
		return JSON.readValue(json, ReferralDetails.class);
	}

	@Override
	public String toString() {
		return "ReferralDetails[...]";
	}

}
