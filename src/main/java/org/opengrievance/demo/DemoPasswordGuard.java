package org.opengrievance.demo;

import java.security.SecureRandom;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Production ({@code grievance.security.disable-demo-passwords: true}, the {@code postgres} profile) on a
 * database that once ran the demo: every demo account whose password is still the published {@code demo-<id>}
 * gets a new one before the first request is served, each with a log line. The administrator named by
 * {@code camunda.bpm.admin-user.id} gets the configured administrator password (which AdminPasswordCheck in
 * package security has already found strong), every other demo account an unguessable random one (an administrator sets a real
 * password in the Admin webapp if the account is needed). Accounts whose password was changed are not touched:
 * a real user who happens to be called {@code irene} keeps hers. Why disable rather than refuse to start:
 * docs/security.md, "Production".
 */
@Component
@ConditionalOnProperty(name = "grievance.security.disable-demo-passwords", havingValue = "true")
class DemoPasswordGuard implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoPasswordGuard.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProcessEngine engine;
    private final IdentityService identity;
    private final String adminId;
    private final String adminPassword;

    DemoPasswordGuard(ProcessEngine engine, IdentityService identity, @Value("${camunda.bpm.admin-user.id:admin}") String adminId,
            @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
        this.engine = engine;
        this.identity = identity;
        this.adminId = adminId;
        this.adminPassword = adminPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int disabled = 0;
        for (String id : DemoAccounts.ids()) {
            User user = identity.createUserQuery().userId(id).singleResult();
            if (user == null || !hasPassword(user, DemoAccounts.password(id))) {
                continue;
            }
            boolean admin = id.equals(adminId) && !adminPassword.isBlank();
            user.setPassword(admin ? adminPassword : randomPassword());
            identity.saveUser(user);
            disabled++;
            if (admin) {
                log.warn("Demo user {} had its demo password in this production database: it now has the configured "
                        + "administrator password (GRIEVANCE_ADMIN_PASSWORD)", id);
            } else {
                log.warn("Demo user {} had its demo password in this production database: the password is replaced by "
                        + "a random one (set a new one in the Admin webapp if the account is needed)", id);
            }
        }
        if (disabled > 0) {
            log.warn("Disabled the demo passwords of {} demo users found in this production database", disabled);
        }
    }

    /**
     * The engine's own comparison (salt, then the configured hash), without {@code IdentityService.checkPassword}:
     * a failed check there counts as a failed login and locks the account for a few seconds, which would lock
     * a freshly created administrator and a real user who happens to have a demo user's id at every start.
     */
    private boolean hasPassword(User user, String password) {
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
            return false;
        }
        PasswordManager passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getPasswordManager();
        return passwords.check(EncryptionUtil.saltPassword(password, entity.getSalt()), entity.getPassword());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
