package io.iterdef.agent.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Update packages for agent.update, made the way a release is: a jar, signed offline with the agent's release
 * signer CLI ({@code java -cp iterdef-agent.jar io.iterdef.agent.update.ReleaseSigner sign <private key> <jar>
 * <version> <update dir>}), which writes {@code <version>.jar} and {@code <version>.jar.sig} into the server's
 * update folder and prints the task's parameters.
 */
final class AgentUpdates {

	private AgentUpdates() {
	}

	/** An Ed25519 key pair as ReleaseSigner keygen writes it: base64 PKCS#8 private, base64 X.509 public. */
	static Path writePrivateKey(KeyPair pair, Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static KeyPair newKeyPair() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A copy of the agent jar whose manifest says {@code version} (so its bytes and SHA-256 differ). */
	static Path packageOf(Path agentJar, String version, Path target) {
		try (JarFile in = new JarFile(agentJar.toFile())) {
			Manifest manifest = new Manifest(in.getManifest());
			manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
			Files.createDirectories(target.getParent());
			try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
				for (JarEntry entry : java.util.Collections.list(in.entries())) {
					if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
						continue;
					}
					out.putNextEntry(new JarEntry(entry.getName()));
					try (InputStream data = in.getInputStream(entry)) {
						data.transferTo(out);
					}
					out.closeEntry();
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs ReleaseSigner sign; returns the task parameters it prints ({version, sha256}). */
	static JsonNode sign(Path agentJar, Path privateKey, Path jar, String version, Path updateDir, Path log) {
		try {
			Files.createDirectories(updateDir);
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					agentJar.toString(), "io.iterdef.agent.update.ReleaseSigner", "sign", privateKey.toString(),
					jar.toString(), version, updateDir.toString())
				.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("ReleaseSigner sign failed (" + (process.isAlive() ? "hung" : process.exitValue())
						+ "): " + out + " " + Files.readString(log));
			}
			return ServerApi.JSON.readTree(out.substring(out.indexOf('{')));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
