package io.iterdef.agent.identity;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The identity file ({@code identity.properties} in the state dir): agent id and credential, readable only by the
 * agent's user. On POSIX file systems the state dir is {@code rwx------} and the file {@code rw-------}, set when
 * the file is created (no window in which others could read it). On Windows (no POSIX attributes) the file's ACL
 * is replaced by one entry that gives its owner full control; this is best effort: an administrator can still
 * take ownership, and a file system with neither view keeps its default permissions (the agent logs a warning).
 */
public final class IdentityStore {

	static final String FILE_NAME = "identity.properties";

	private final Path dir;

	public IdentityStore(Path dir) {
		this.dir = dir;
	}

	public Path file() {
		return dir.resolve(FILE_NAME);
	}

	public Optional<Identity> load() throws IOException {
		Path file = file();
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		String id = properties.getProperty("agent.id");
		String credential = properties.getProperty("agent.credential");
		if (id == null || id.isBlank() || credential == null || credential.isBlank()) {
			throw new IOException("the identity file " + file.toAbsolutePath()
					+ " lacks agent.id or agent.credential: delete it and the agent enrolls again");
		}
		return Optional.of(new Identity(id.trim(), credential.trim()));
	}

	/** Writes the identity to a new owner-only file, then moves it over the old one. */
	public void save(Identity identity) throws IOException {
		createOwnerOnlyDir();
		Properties properties = new Properties();
		properties.setProperty("agent.id", identity.agentId());
		properties.setProperty("agent.credential", identity.credential());
		StringWriter text = new StringWriter();
		properties.store(text, "Iterdef agent identity: keep secret; delete it to enroll again");
		Path temp = createOwnerOnlyFile(dir.resolve(FILE_NAME + ".tmp"));
		Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
		Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Forgets the identity (after the server revoked it). */
	public void delete() throws IOException {
		Files.deleteIfExists(file());
	}

	private void createOwnerOnlyDir() throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		if (posix()) {
			Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		else {
			Files.createDirectories(dir);
			restrictAcl(dir);
		}
	}

	private Path createOwnerOnlyFile(Path path) throws IOException {
		Files.deleteIfExists(path);
		if (posix()) {
			FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions
				.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
			return Files.createFile(path, ownerOnly);
		}
		Files.createFile(path);
		restrictAcl(path);
		return path;
	}

	private boolean posix() {
		return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static void restrictAcl(Path path) throws IOException {
		AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
		if (acl == null) {
			System.err.println("warning: " + path + " supports neither POSIX permissions nor ACLs;"
					+ " restrict it to the agent's user by hand");
			return;
		}
		UserPrincipal owner = acl.getOwner();
		AclEntry ownerFull = AclEntry.newBuilder()
			.setType(AclEntryType.ALLOW)
			.setPrincipal(owner)
			.setPermissions(EnumSet.allOf(AclEntryPermission.class))
			.build();
		acl.setAcl(List.of(ownerFull));
	}

}
