package nl.schakel.participation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface CaseVisits extends Repository<CaseVisit, CaseVisit.Key> {

	Optional<CaseVisit> findById(CaseVisit.Key key);

	List<CaseVisit> findByKeyUsername(String username);

	CaseVisit save(CaseVisit visit);

}
