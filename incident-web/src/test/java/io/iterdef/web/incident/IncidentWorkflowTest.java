package io.iterdef.web.incident;

import io.iterdef.web.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** The role checks of the workflow, before it touches the database. */
class IncidentWorkflowTest {

	private final IncidentRepository incidents = mock(IncidentRepository.class);

	private final WorkflowRepository repository = mock(WorkflowRepository.class);

	private final IncidentAudit audit = mock(IncidentAudit.class);

	private final IncidentWorkflow workflow = new IncidentWorkflow(incidents, repository, audit);

	private final Actor analyst = new Actor("ann", Role.ANALYST);

	@Test
	void shouldRefuseMergeAndSplitWhenActorIsAnalyst() {
		assertThatThrownBy(() -> workflow.merge(1, 2, analyst)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("lead");
		assertThatThrownBy(() -> workflow.splitAlert("a1", analyst)).isInstanceOf(AccessDeniedException.class);
		verifyNoInteractions(incidents, repository, audit);
	}

	@Test
	void shouldRefuseMergeIntoItselfWhenActorIsLead() {
		assertThatThrownBy(() -> workflow.merge(3, 3, new Actor("lee", Role.LEAD)))
			.isInstanceOf(WorkflowException.class)
			.hasMessageContaining("cannot be merged into itself");
	}

	@Test
	void shouldRefuseEmptyNoteAndMissingResolutionWithClearMessage() {
		assertThatThrownBy(() -> workflow.addNote(1, "  ", analyst)).isInstanceOf(WorkflowException.class)
			.hasMessageContaining("cannot be empty");
		assertThatThrownBy(() -> workflow.resolve(1, null, null, analyst)).isInstanceOf(WorkflowException.class)
			.hasMessageContaining("Choose a resolution");
	}

}
