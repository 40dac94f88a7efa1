package org.opengrievance.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;

/** A user as Camunda's identity service knows it: id, groups and tenants. The password is never kept. */
public record CamundaUser(String id, List<String> groupIds, List<String> tenantIds) implements Principal, Serializable {

    public CamundaUser {
        groupIds = List.copyOf(groupIds);
        tenantIds = List.copyOf(tenantIds);
    }

    @Override
    public String getName() {
        return id;
    }
}
