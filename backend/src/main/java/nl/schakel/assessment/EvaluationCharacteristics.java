package nl.schakel.assessment;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvaluationCharacteristics extends JpaRepository<EvaluationCharacteristic, UUID> {

	/**
	 * Per case and characteristic, the value last rated; cases whose data key is
	 * destroyed (erased) are left out even if a row had survived.
	 */
	@Query(nativeQuery = true, value = """
			select distinct on (e.case_id, e.characteristic) e.*
			  from evaluation_characteristic e
			 where not exists (select 1 from case_key k where k.case_id = e.case_id and k.destroyed_at is not null)
			 order by e.case_id, e.characteristic, e.rated_at desc, e.id""")
	List<EvaluationCharacteristic> latestPerCase();

	/**
	 * Every concern level judged, per case in the order judged; erased cases left out.
	 */
	@Query(nativeQuery = true, value = """
			select e.*
			  from evaluation_characteristic e
			 where e.characteristic = 'CONCERN'
			   and not exists (select 1 from case_key k where k.case_id = e.case_id and k.destroyed_at is not null)
			 order by e.case_id, e.rated_at, e.id""")
	List<EvaluationCharacteristic> concernLevels();

}
