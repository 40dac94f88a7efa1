package org.opengrievance.security;

import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a user name and password against Camunda's identity service (the same users and groups as the
 * webapps' login, or LDAP when the LDAP plugin is configured) and turns the user's groups into authorities.
 * The engine's login throttling applies: after a wrong password the same user is refused for a few seconds.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);
    /** Only ids of this shape are echoed to the log; anything else could be text a person typed by mistake. */
    private static final Pattern LOGGABLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final IdentityService identity;

    CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(credentials instanceof String password) || password.isEmpty()) {
            throw new BadCredentialsException("Bad credentials");
        }
        boolean matches;
        try {
            matches = identity.checkPassword(userId, password);
        } catch (RuntimeException storeFailed) {
            // the user store (the database) did not answer: not a wrong password, an outage (503, see ProblemResponses)
            throw new AuthenticationServiceException("The user store is not reachable", storeFailed);
        }
        if (!matches) {
            log.info("Authentication failed for user {}", LOGGABLE_ID.matcher(userId).matches() ? userId : "(not a user id)");
            throw new BadCredentialsException("Bad credentials");
        }
        return authenticatedAs(identity, userId);
    }

    /**
     * The user with their groups (the authorities) and tenants as the identity service knows them now: the same
     * for HTTP Basic and the webapp session (WebappSessionSignIn), so both sign-ins carry the same roles.
     *
     * @throws AuthenticationServiceException when the user store (the database) does not answer
     */
    static UsernamePasswordAuthenticationToken authenticatedAs(IdentityService identity, String userId) {
        List<String> groups;
        List<String> tenants;
        try {
            groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
            tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                    .stream().map(Tenant::getId).toList();
        } catch (RuntimeException storeFailed) {
            throw new AuthenticationServiceException("The user store is not reachable", storeFailed);
        }
        CamundaUser user = new CamundaUser(userId, groups, tenants);
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                groups.stream().map(SimpleGrantedAuthority::new).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
