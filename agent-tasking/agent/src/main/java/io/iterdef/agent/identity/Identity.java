package io.iterdef.agent.identity;

/** The agent's id and credential as the server gave them at enrollment. */
public record Identity(String agentId, String credential) {

	@Override
	public String toString() {
		return "Identity[agentId=" + agentId + ", credential=***]";
	}

}
