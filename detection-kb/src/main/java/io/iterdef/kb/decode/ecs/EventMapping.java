package io.iterdef.kb.decode.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;

/**
 * The ECS mapping of one kind of Windows event (a channel and event id, or a family of them): sets
 * event.category/type/action the way Elastic's Windows integration does, and the ECS fields the event carries
 * (process.*, user.*, source.*, file.*, registry.*, ...). The common fields (@timestamp, event.id/code/provider,
 * host.name, winlog.*, message) are set before by {@link EcsMapper}; winlog.event_data keeps every original field.
 */
@FunctionalInterface
public interface EventMapping {

	void map(WinEvent event, ObjectNode ecs);

}
