package org.opengrievance.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts the {@code grievance} process; the case row is written inside the same transaction. */
@Service
public class IntakeService {

    public static final String PROCESS_KEY = GrievanceProcess.KEY;

    private final RuntimeService runtime;
    private final GrievanceCaseRepository cases;

    IntakeService(RuntimeService runtime, GrievanceCaseRepository cases) {
        this.runtime = runtime;
        this.cases = cases;
    }

    @Transactional
    public GrievanceCase register(IntakeRequest request) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, request.toVariables());
        return cases.findByProcessInstanceId(instance.getId())
                .orElseThrow(() -> new IllegalStateException("registerCase did not write the case row"));
    }
}
